package dev.berth.api.model.container;

import static dev.berth.api.model.Wire.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostConfigTest {

  @Test
  void emptyHostConfig_writesGoZeroValues() {
    JsonNode json = tree(HostConfig.empty());

    assertEquals(tree("{\"Type\":\"\",\"Config\":null}"), json.get("LogConfig"));
    assertEquals(tree("{\"Name\":\"\",\"MaximumRetryCount\":0}"), json.get("RestartPolicy"));
    assertEquals(tree("[0,0]"), json.get("ConsoleSize"));
    assertTrue(json.get("Binds").isNull());
    assertTrue(json.get("MemorySwappiness").isNull());
    assertTrue(json.get("PidsLimit").isNull());
    assertEquals(0, json.get("CpuShares").asInt());
    assertEquals("", json.get("Isolation").asText());
    for (String omitempty : List.of("Annotations", "StorageOpt", "Tmpfs", "Sysctls", "Runtime", "Mounts",
        "KernelMemory", "KernelMemoryTCP", "Init")) {
      assertFalse(json.has(omitempty), omitempty);
    }
    assertFalse(json.has("resources"));
  }

  @Test
  void builder_setsResourcesAndOmitemptyFieldsAppear() {
    HostConfig.Builder b = HostConfig.empty().toBuilder();
    b.resources = withMemory(64L << 20);
    b.init = false;
    b.sysctls = Map.of("net.ipv4.ip_forward", "1");
    HostConfig h = b.build();

    JsonNode json = tree(h);
    assertEquals(64 << 20, json.get("Memory").asLong());
    assertTrue(json.has("Init"));
    assertFalse(json.get("Init").asBoolean());
    assertEquals("1", json.get("Sysctls").get("net.ipv4.ip_forward").asText());
    assertEquals(64L << 20, h.resources().memory());
  }

  @Test
  void mountOptions_areOmitempty() {
    Mount m = new Mount("volume", "v", "/v", false, null, null,
        new Mount.VolumeOptions(true, null, null, new Mount.Driver(null, null)), null, null, null);
    assertEquals(tree("{\"Type\":\"volume\",\"Source\":\"v\",\"Target\":\"/v\","
        + "\"VolumeOptions\":{\"NoCopy\":true,\"DriverConfig\":{}}}"), tree(m));
    assertEquals(tree("{\"Type\":\"bind\",\"Source\":\"/s\",\"Target\":\"/t\",\"ReadOnly\":true}"),
        tree(Mount.bind("/s", "/t", true)));
  }

  private static Resources withMemory(long bytes) {
    Resources e = Resources.empty();
    return new Resources(e.cpuShares(), bytes, e.nanoCpus(), e.cgroupParent(), e.blkioWeight(),
        e.blkioWeightDevice(), e.blkioDeviceReadBps(), e.blkioDeviceWriteBps(), e.blkioDeviceReadIOps(),
        e.blkioDeviceWriteIOps(), e.cpuPeriod(), e.cpuQuota(), e.cpuRealtimePeriod(), e.cpuRealtimeRuntime(),
        e.cpusetCpus(), e.cpusetMems(), e.devices(), e.deviceCgroupRules(), e.deviceRequests(), e.kernelMemory(),
        e.kernelMemoryTcp(), e.memoryReservation(), e.memorySwap(), e.memorySwappiness(), e.oomKillDisable(),
        e.pidsLimit(), e.ulimits(), e.cpuCount(), e.cpuPercent(), e.ioMaximumIOps(), e.ioMaximumBandwidth());
  }
}
