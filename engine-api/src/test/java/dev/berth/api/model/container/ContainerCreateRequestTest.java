package dev.berth.api.model.container;

import static dev.berth.api.model.Wire.fixture;
import static dev.berth.api.model.Wire.read;
import static dev.berth.api.model.Wire.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerCreateRequestTest {

  @Test
  void dockerRunPublishBind_readsEveryPart() {
    ContainerCreateRequest req = read(fixture("run-publish-bind.json"), ContainerCreateRequest.class);

    assertEquals("busybox", req.image());
    assertEquals(Map.of("80/tcp", Map.of()), req.exposedPorts());
    assertNull(req.cmd());
    assertEquals(Map.of(), req.labels());
    HostConfig h = req.hostConfig();
    assertEquals(List.of("/tmp:/t:ro"), h.binds());
    assertEquals("default", h.networkMode());
    assertEquals(Map.of("80/tcp", List.of(new PortBinding("", "8080"))), h.portBindings());
    assertEquals(new RestartPolicy("no", 0), h.restartPolicy());
    assertTrue(h.restartPolicy().isNone());
    assertEquals(new LogConfig("", Map.of()), h.logConfig());
    assertEquals(List.of(0, 0), h.consoleSize());
    assertEquals(-1L, h.memorySwappiness());
    assertEquals(0L, h.pidsLimit());
    assertEquals(Boolean.FALSE, h.oomKillDisable());
    assertNull(h.init());
    assertTrue(req.networkingConfig().endpointsConfig().containsKey("default"));
    assertEquals("busybox", req.config().image());
  }

  @Test
  void dockerRunManyOptions_readsMountsDevicesAndHealthcheck() {
    ContainerCreateRequest req = read(fixture("run-many-options.json"), ContainerCreateRequest.class);

    assertEquals(List.of("sh", "-c", "echo"), req.cmd());
    assertEquals(5, req.stopTimeout());
    assertEquals(List.of("CMD-SHELL", "true"), req.healthcheck().test());
    assertEquals(5_000_000_000L, req.healthcheck().interval());
    HostConfig h = req.hostConfig();
    assertEquals(3, h.mounts().size());
    Mount volume = h.mounts().get(0);
    assertEquals("volume", volume.type());
    assertTrue(volume.volumeOptions().noCopy());
    assertEquals(1_048_576L, h.mounts().get(1).tmpfsOptions().sizeBytes());
    assertEquals("rshared", h.mounts().get(2).bindOptions().propagation());
    assertEquals(List.of(new Ulimit("nofile", 200, 100)), h.ulimits());
    assertEquals(List.of(new DeviceMapping("/dev/null", "/dev/xnull", "rw")), h.devices());
    assertEquals(List.of(new ThrottleDevice("/dev/sda", 1_048_576)), h.blkioDeviceReadBps());
    assertEquals(List.of(new WeightDevice("/dev/sda", 200)), h.blkioWeightDevice());
    assertEquals(-1, h.deviceRequests().get(0).count());
    assertEquals(List.of(List.of("gpu")), h.deviceRequests().get(0).capabilities());
    assertEquals(1_500_000_000L, h.nanoCpus());
    assertEquals(50L, h.pidsLimit());
    assertEquals(Boolean.TRUE, h.init());
    assertEquals(Map.of("k", "v"), h.annotations());
    assertEquals(Map.of("/run", "size=1m"), h.tmpfs());
    assertEquals("always", h.restartPolicy().name());
    assertEquals("1m", h.logConfig().config().get("max-size"));
    EndpointSettings n1 = req.networkingConfig().endpointsConfig().get("n1");
    assertEquals("10.9.0.9", n1.ipamConfig().ipv4Address());
    assertEquals(List.of("a"), n1.aliases());
    assertEquals(h.resources(), h.toBuilder().build().resources());
  }

  /** Reading a CLI body and writing it back gives the same JSON: every omitempty and null matches Go. */
  @ParameterizedTest
  @ValueSource(strings = {"run-publish-bind.json", "run-many-options.json"})
  void cliBody_roundTripsToTheSameJson(String name) {
    String body = fixture(name);
    assertEquals(tree(body), tree(read(body, ContainerCreateRequest.class)));
  }

  @Test
  void configPart_andOf_rebuildTheSameRequest() {
    ContainerCreateRequest req = read(fixture("run-many-options.json"), ContainerCreateRequest.class);
    assertEquals(req, ContainerCreateRequest.of(req.config(), req.hostConfig(), req.networkingConfig()));
  }

  @Test
  void lenientClientBody_stringCmdAnyKeyCaseUnknownKeys() {
    String body = """
        {"Image":"busybox","Cmd":"echo hi","Entrypoint":"/bin/sh","Unknown":{"x":1},
         "hostconfig":{"binds":["/a:/b"],"CapAdd":"NET_ADMIN","Future":true}}""";
    ContainerCreateRequest req = read(body, ContainerCreateRequest.class);

    assertEquals(List.of("echo hi"), req.cmd());
    assertEquals(List.of("/bin/sh"), req.entrypoint());
    assertEquals(List.of("/a:/b"), req.hostConfig().binds());
    assertEquals(List.of("NET_ADMIN"), req.hostConfig().capAdd());
    assertNull(req.networkingConfig());
    // Go zero values for the value-typed parts of HostConfig:
    assertEquals(LogConfig.empty(), req.hostConfig().logConfig());
    assertEquals(RestartPolicy.empty(), req.hostConfig().restartPolicy());
  }

  @Test
  void missingHostConfig_isNullAndOmittedOnWrite() {
    ContainerCreateRequest req = read("{\"Image\":\"busybox\"}", ContainerCreateRequest.class);
    assertNull(req.hostConfig());
    assertFalse(tree(req).has("HostConfig"));
    assertFalse(tree(req).has("NetworkingConfig"));
  }
}
