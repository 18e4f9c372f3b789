package dev.berth.api.model.container;

import static dev.berth.api.model.Wire.read;
import static dev.berth.api.model.Wire.tree;
import static dev.berth.api.model.Wire.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.model.GoTime;
import dev.berth.api.model.image.OciDescriptor;
import dev.berth.api.model.storage.DriverData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerResponsesTest {

  private static final String ID = "3f4e2d1c0b9a8f7e6d5c4b3a291807f6e5d4c3b2a1908f7e6d5c4b3a29180706";

  @Test
  void inspect_nullVersusOmittedLikeGo() {
    JsonNode json = tree(inspect());

    assertFalse(json.has("SizeRw"));
    assertFalse(json.has("SizeRootFs"));
    assertFalse(json.has("ImageManifestDescriptor"));
    assertTrue(json.get("ExecIDs").isNull());
    assertFalse(json.get("State").has("Health"));
    assertEquals(GoTime.ZERO, json.get("State").get("FinishedAt").asText());
    assertTrue(json.get("GraphDriver").get("Data").isNull());
    assertEquals("overlay2", json.get("GraphDriver").get("Name").asText());
    assertEquals("/x", json.get("Name").asText());
    assertFalse(json.get("HostConfig").has("Annotations"));
    assertFalse(json.get("Config").has("Healthcheck"));
  }

  @Test
  void inspect_sizesAreWrittenEvenWhenZero_onceAsked() {
    JsonNode json = tree(inspect().withSizes(0, 4_261_544));
    assertEquals(0, json.get("SizeRw").asLong());
    assertEquals(4_261_544, json.get("SizeRootFs").asLong());
  }

  @Test
  void inspect_networkSettingsCarryDeprecatedBridgeFields() {
    JsonNode ns = tree(inspect()).get("NetworkSettings");

    assertEquals("172.17.0.2", ns.get("IPAddress").asText());
    assertEquals(16, ns.get("IPPrefixLen").asInt());
    assertEquals("172.17.0.1", ns.get("Gateway").asText());
    assertEquals("", ns.get("Bridge").asText());
    assertTrue(ns.get("SecondaryIPAddresses").isNull());
    assertEquals("8080", ns.get("Ports").get("80/tcp").get(0).get("HostPort").asText());
    assertEquals("172.17.0.2", ns.get("Networks").get("bridge").get("IPAddress").asText());
    assertTrue(ns.get("Networks").get("bridge").get("IPAMConfig").isNull());

    NetworkSettings stopped = NetworkSettings.of("", "", null, Map.of());
    assertEquals(tree("{}"), tree(stopped).get("Ports"));
    assertEquals("", stopped.ipAddress());
  }

  @Test
  void inspect_healthIsWrittenWhenPresent_andRoundTrips() {
    ContainerInspectResponse r = inspect();
    Health health = new Health(Health.HEALTHY, 0, List.of(new Health.HealthcheckResult(
        "2025-06-01T10:00:00.1Z", "2025-06-01T10:00:00.2Z", 0, "ok\n")));
    ContainerState s = r.state();
    ContainerState withHealth = new ContainerState(s.status(), s.running(), s.paused(), s.restarting(),
        s.oomKilled(), s.dead(), s.pid(), s.exitCode(), s.error(), s.startedAt(), s.finishedAt(), health);
    JsonNode json = tree(withHealth);
    assertEquals("healthy", json.get("Health").get("Status").asText());
    assertEquals("ok\n", json.get("Health").get("Log").get(0).get("Output").asText());
    assertEquals(r, read(write(r), ContainerInspectResponse.class));
  }

  @Test
  void summary_omitsUnpublishedPortFieldsAndZeroSizes() {
    ContainerSummary s = new ContainerSummary(ID, List.of("/x"), "busybox", "sha256:abc", null, "sh", 1_700_000_000L,
        List.of(new ContainerSummary.Port("0.0.0.0", 80, 8080, "tcp"), new ContainerSummary.Port(null, 443, 0, "tcp")),
        0, 0, Map.of(), ContainerState.RUNNING, "Up 2 seconds", null, null, List.of());
    JsonNode json = tree(s);

    assertEquals(tree("{\"IP\":\"0.0.0.0\",\"PrivatePort\":80,\"PublicPort\":8080,\"Type\":\"tcp\"}"),
        json.get("Ports").get(0));
    assertEquals(tree("{\"PrivatePort\":443,\"Type\":\"tcp\"}"), json.get("Ports").get(1));
    assertFalse(json.has("SizeRw"));
    assertFalse(json.has("SizeRootFs"));
    assertFalse(json.has("ImageManifestDescriptor"));
    assertEquals(tree("{}"), json.get("HostConfig"));
    assertTrue(json.get("NetworkSettings").isNull());
    assertEquals(1_700_000_000L, json.get("Created").asLong());
  }

  @Test
  void summary_manifestDescriptorAndNetworkModeWhenSet() {
    ContainerSummary s = new ContainerSummary(ID, List.of("/x"), "busybox", "sha256:abc",
        OciDescriptor.of("application/vnd.oci.image.manifest.v1+json", "sha256:def", 610), "sh", 1L, List.of(),
        12, 0, null, "exited", "Exited (0) 1 second ago",
        new ContainerSummary.HostConfigSummary("bridge", null),
        new ContainerSummary.NetworkSettingsSummary(Map.of()), null);
    JsonNode json = tree(s);
    assertEquals(12, json.get("SizeRw").asLong());
    assertEquals("sha256:def", json.get("ImageManifestDescriptor").get("digest").asText());
    assertFalse(json.get("ImageManifestDescriptor").has("platform"));
    assertEquals(tree("{\"NetworkMode\":\"bridge\"}"), json.get("HostConfig"));
    assertTrue(json.get("Labels").isNull());
  }

  @Test
  void wait_errorOnlyWhenWaitingFailed() {
    assertEquals(tree("{\"StatusCode\":137}"), tree(ContainerWaitResponse.exited(137)));
    assertEquals(tree("{\"Error\":{\"Message\":\"boom\"},\"StatusCode\":1}"),
        tree(ContainerWaitResponse.failed(1, "boom")));
  }

  @Test
  void execInspect_detachKeysAreBase64AndExitCodeNullWhileRunning() {
    ExecInspectResponse r = new ExecInspectResponse("e1", true, null,
        new ExecInspectResponse.ProcessConfig(false, "ls", List.of("-l"), null, ""), false, true, true, false, ID,
        "ctrl-p,ctrl-q".getBytes(StandardCharsets.UTF_8), 4242);
    JsonNode json = tree(r);

    assertTrue(json.get("ExitCode").isNull());
    assertEquals("Y3RybC1wLGN0cmwtcQ==", json.get("DetachKeys").asText());
    assertEquals(tree("{\"tty\":false,\"entrypoint\":\"ls\",\"arguments\":[\"-l\"]}"), json.get("ProcessConfig"));
    assertEquals("e1", json.get("ID").asText());
    assertTrue(tree(new ExecInspectResponse("e2", false, 0, null, false, false, false, false, ID, null, 0))
        .get("DetachKeys").isNull());
  }

  @Test
  void stats_zeroObjectsAreWrittenButOmitemptyScalarsAreNot() {
    ContainerStatsResponse stats = new ContainerStatsResponse(null, null, "2025-06-01T10:00:01Z", GoTime.ZERO,
        null, null, 0, null, null, null, null, null);
    JsonNode json = tree(stats);

    assertFalse(json.has("name"));
    assertFalse(json.has("networks"));
    assertEquals(tree("{}"), json.get("pids_stats"));
    assertEquals(tree("{}"), json.get("storage_stats"));
    assertEquals(tree("{}"), json.get("memory_stats"));
    assertTrue(json.get("blkio_stats").get("io_service_bytes_recursive").isNull());
    assertEquals(tree("{\"cpu_usage\":{\"total_usage\":0,\"usage_in_kernelmode\":0,\"usage_in_usermode\":0},"
        + "\"throttling_data\":{\"periods\":0,\"throttled_periods\":0,\"throttled_time\":0}}"),
        json.get("precpu_stats"));
    assertEquals(0, json.get("num_procs").asInt());
  }

  @Test
  void smallResponses_matchDockerShapes() {
    assertEquals(tree("{\"Id\":\"abc\",\"Warnings\":[]}"), tree(ContainerCreateResponse.of("abc")));
    assertEquals(tree("{\"Warnings\":null}"), tree(ContainerUpdateResponse.of(null)));
    assertEquals(tree("{\"Warnings\":null}"), tree(ContainerUpdateResponse.of(java.util.List.of())));
    assertEquals(tree("{\"ContainersDeleted\":null,\"SpaceReclaimed\":0}"),
        tree(new ContainerPruneResponse(null, 0)));
    assertEquals(tree("{\"Kind\":1,\"Path\":\"/tmp/x\"}"), tree(FilesystemChange.added("/tmp/x")));
    assertEquals(tree("{\"Id\":\"e1\"}"), tree(new ExecCreateResponse("e1")));
    assertEquals(tree("{\"name\":\"etc\",\"size\":4096,\"mode\":2147484141,\"mtime\":\"2025-06-01T10:00:00Z\","
        + "\"linkTarget\":\"\"}"),
        tree(new PathStat("etc", 4096, PathStat.MODE_DIR | 0755, "2025-06-01T10:00:00Z", "")));
  }

  static ContainerInspectResponse inspect() {
    EndpointSettings bridge = EndpointSettings.config(null, null, null, null).attached("net1", "ep1",
        "02:42:ac:11:00:02", "172.17.0.1", "172.17.0.2", 16, "", "", 0, null);
    HostConfig.Builder hb = HostConfig.empty().toBuilder();
    hb.binds = List.of("/tmp:/t:ro");
    hb.networkMode = "bridge";
    hb.portBindings = Map.of("80/tcp", List.of(new PortBinding("", "8080")));
    ContainerConfig.Builder cb = ContainerConfig.empty().toBuilder();
    cb.image = "busybox";
    cb.cmd = List.of("sh");
    cb.env = List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    cb.exposedPorts = Map.of("80/tcp", Map.of());
    cb.labels = Map.of();
    ContainerState state = new ContainerState(ContainerState.RUNNING, true, false, false, false, false, 4242, 0,
        "", "2025-06-01T10:00:00.123456789Z", GoTime.ZERO, null);
    return new ContainerInspectResponse(ID, "2025-06-01T09:59:59.5Z", "sh", List.of(), state, "sha256:abc",
        "/var/lib/berth/containers/" + ID + "/resolv.conf", "/var/lib/berth/containers/" + ID + "/hostname",
        "/var/lib/berth/containers/" + ID + "/hosts", "/var/lib/berth/containers/" + ID + "/" + ID + "-json.log",
        "/x", 0, "overlay2", "linux", "", "", "", null, hb.build(), DriverData.of("overlay2", null), null, null,
        List.of(MountPoint.bind("/tmp", "/t", "ro", false, "rprivate")), cb.build(),
        NetworkSettings.of("sb1", "/var/run/berth/netns/sb1", hb.portBindings, Map.of("bridge", bridge)), null);
  }
}
