package dev.berth.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.model.container.ContainerUpdateRequest;
import dev.berth.api.model.container.HostConfig;
import dev.berth.api.model.container.Resources;
import dev.berth.api.model.container.RestartPolicy;
import org.junit.jupiter.api.Test;

class ContainerUpdateTest {
  private static HostConfig host(long memory, long swap) {
    HostConfig.Builder b = new HostConfig.Builder();
    b.resources = Resources.empty().withMemorySwap(swap);
    HostConfig h = b.build();
    HostConfig.Builder b2 = h.toBuilder();
    Resources r = h.resources();
    b2.resources = new Resources(r.cpuShares(), memory, r.nanoCpus(), r.cgroupParent(), r.blkioWeight(), null, null,
        null, null, null, 0, 0, 0, 0, "", "", null, null, null, 0, 0, 0, swap, null, null, null, null, 0, 0, 0, 0);
    return b2.build();
  }

  private static ContainerUpdateRequest req(long memory, long swap, RestartPolicy p) {
    Resources r = new Resources(0, memory, 0, "", 0, null, null, null, null, null, 0, 0, 0, 0, "", "", null, null,
        null, 0, 0, 0, swap, null, null, null, null, 0, 0, 0, 0);
    return ContainerUpdateRequest.of(r, p);
  }

  @Test
  void onlySetFieldsChange() {
    HostConfig h = ContainerUpdate.merge(host(0, 0), req(64 << 20, 0, RestartPolicy.empty()));
    assertEquals(64 << 20, h.resources().memory());
    assertEquals(0, h.resources().memorySwap());
    assertEquals("", h.restartPolicy().name());
    HostConfig h2 = ContainerUpdate.merge(h, req(0, 0, new RestartPolicy("on-failure", 3)));
    assertEquals(64 << 20, h2.resources().memory());
    assertEquals(3, h2.restartPolicy().maximumRetryCount());
  }

  @Test
  void memoryAboveSwap_isRefused() {
    assertThrows(ConflictException.class,
        () -> ContainerUpdate.merge(host(100 << 20, 200 << 20), req(300 << 20, 0, RestartPolicy.empty())));
    assertEquals(300 << 20, ContainerUpdate.merge(host(100 << 20, 200 << 20), req(300 << 20, 600 << 20,
        RestartPolicy.empty())).resources().memory());
  }

  @Test
  void restartPolicy_refusedWithAutoRemove() {
    HostConfig.Builder b = new HostConfig.Builder();
    b.autoRemove = true;
    assertThrows(InvalidParameterException.class,
        () -> ContainerUpdate.merge(b.build(), req(0, 0, RestartPolicy.of("always"))));
  }
}
