package dev.berth.daemon.container;

import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.container.HealthConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** moby's {@code merge(userConf, imageConf)}: what a container inherits from its image's config. */
final class ConfigMerge {
  private ConfigMerge() {}

  static ContainerConfig merge(ContainerConfig user, ContainerConfig image) {
    if (image == null) {
      return user;
    }
    ContainerConfig.Builder b = user.toBuilder();
    if (empty(b.user)) {
      b.user = image.user();
    }
    if (b.exposedPorts == null || b.exposedPorts.isEmpty()) {
      b.exposedPorts = image.exposedPorts();
    } else if (image.exposedPorts() != null) {
      Map<String, Object> ports = new LinkedHashMap<>(b.exposedPorts);
      image.exposedPorts().forEach(ports::putIfAbsent);
      b.exposedPorts = ports;
    }
    if (b.env == null || b.env.isEmpty()) {
      b.env = image.env();
    } else if (image.env() != null) {
      List<String> env = new ArrayList<>(b.env);
      for (String ie : image.env()) {
        String key = ie.split("=", 2)[0];
        if (b.env.stream().noneMatch(ue -> ue.split("=", 2)[0].equals(key))) {
          env.add(ie);
        }
      }
      b.env = env;
    }
    Map<String, String> labels = b.labels == null ? new LinkedHashMap<>() : new LinkedHashMap<>(b.labels);
    if (image.labels() != null) {
      image.labels().forEach(labels::putIfAbsent);
    }
    b.labels = labels;
    if (b.entrypoint == null || b.entrypoint.isEmpty()) {
      if (b.cmd == null || b.cmd.isEmpty()) {
        b.cmd = image.cmd();
        b.argsEscaped = image.argsEscaped();
      }
      if (b.entrypoint == null) {
        b.entrypoint = image.entrypoint();
      }
    }
    if (image.healthcheck() != null) {
      b.healthcheck = mergeHealth(b.healthcheck, image.healthcheck());
    }
    if (empty(b.workingDir)) {
      b.workingDir = image.workingDir();
    }
    if (b.volumes == null || b.volumes.isEmpty()) {
      b.volumes = image.volumes();
    } else if (image.volumes() != null) {
      Map<String, Object> v = new LinkedHashMap<>(b.volumes);
      v.putAll(image.volumes());
      b.volumes = v;
    }
    if (empty(b.stopSignal)) {
      b.stopSignal = image.stopSignal();
    }
    return b.build();
  }

  private static HealthConfig mergeHealth(HealthConfig user, HealthConfig image) {
    if (user == null) {
      return image;
    }
    return new HealthConfig(
        user.test() == null || user.test().isEmpty() ? image.test() : user.test(),
        user.interval() == 0 ? image.interval() : user.interval(),
        user.timeout() == 0 ? image.timeout() : user.timeout(),
        user.startPeriod() == 0 ? image.startPeriod() : user.startPeriod(),
        user.startInterval() == 0 ? image.startInterval() : user.startInterval(),
        user.retries() == 0 ? image.retries() : user.retries());
  }

  private static boolean empty(String s) {
    return s == null || s.isEmpty();
  }
}
