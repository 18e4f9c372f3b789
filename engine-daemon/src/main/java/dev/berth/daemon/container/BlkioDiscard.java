package dev.berth.daemon.container;

import dev.berth.api.model.container.Resources;
import dev.berth.runtime.spec.BlkioSupport;
import java.util.ArrayList;
import java.util.List;

/**
 * dockerd's {@code verifyPlatformContainerResources} for block-IO weights the kernel cannot apply: the value is
 * discarded (and so neither range-checked nor stored) and the create or update response carries a warning.
 */
final class BlkioDiscard {
  /** The resources to check and store, and the warnings to return. */
  record Result(Resources resources, List<String> warnings) {}

  private BlkioDiscard() {}

  static Result apply(Resources r, BlkioSupport support) {
    List<String> warnings = new ArrayList<>();
    int weight = r.blkioWeight();
    var devices = r.blkioWeightDevice();
    if (weight > 0 && !support.weight()) {
      warnings.add(BlkioSupport.WEIGHT_DISCARDED);
      weight = 0;
    }
    if (devices != null && !devices.isEmpty() && !support.weightDevice()) {
      warnings.add(BlkioSupport.WEIGHT_DEVICE_DISCARDED);
      devices = List.of();
    }
    return warnings.isEmpty() ? new Result(r, List.of()) : new Result(r.withBlkioWeights(weight, devices), warnings);
  }
}
