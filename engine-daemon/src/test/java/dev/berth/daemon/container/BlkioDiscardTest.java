package dev.berth.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.berth.api.model.container.Resources;
import dev.berth.api.model.container.WeightDevice;
import dev.berth.runtime.spec.BlkioSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlkioDiscardTest {
  private static final List<WeightDevice> DEVICES = List.of(new WeightDevice("/dev/vda", 200));
  private static final Resources ASKED = Resources.empty().withBlkioWeights(5, DEVICES);

  @Test
  void unsupportedWeights_areDiscardedWithDockerdsWarnings() {
    BlkioDiscard.Result r = BlkioDiscard.apply(ASKED, new BlkioSupport(false, false));
    assertEquals(0, r.resources().blkioWeight());
    assertEquals(List.of(), r.resources().blkioWeightDevice());
    assertEquals(List.of(
        "Your kernel does not support Block I/O weight or the cgroup is not mounted. Weight discarded.",
        "Your kernel does not support Block I/O weight_device or the cgroup is not mounted. Weight-device discarded."),
        r.warnings());
  }

  @Test
  void supportedWeights_areKept_forTheRangeCheck() {
    BlkioDiscard.Result r = BlkioDiscard.apply(ASKED, BlkioSupport.ALL);
    assertSame(ASKED, r.resources());
    assertEquals(List.of(), r.warnings());
  }

  @Test
  void onlyTheUnsupportedOneGoes() {
    BlkioDiscard.Result r = BlkioDiscard.apply(ASKED, new BlkioSupport(false, true));
    assertEquals(0, r.resources().blkioWeight());
    assertEquals(DEVICES, r.resources().blkioWeightDevice());
    assertEquals(1, r.warnings().size());
  }

  @Test
  void unsetWeights_giveNoWarning() {
    assertEquals(List.of(), BlkioDiscard.apply(Resources.empty(), new BlkioSupport(false, false)).warnings());
  }
}
