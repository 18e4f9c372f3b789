package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.daemon.http.Json;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** push, pull (by tag, by digest, from an OCI index), login and search against a real docker-registry. */
@ExtendWith(DaemonExtension.class)
class ImageRegistryIT {
  private static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  private static final Pattern PUSHED = Pattern.compile("(?m)^(\\S+): digest: (sha256:[0-9a-f]{64}) size: \\d+$");

  @TempDir Path tmp;

  @BeforeEach
  void needsRegistry() {
    assumeTrue(TestRegistry.available(), "docker-registry is not installed");
  }

  @Test
  void pushRmiPull_showsProgressAndTheSameDigest_andPullByDigestWorks(BerthDaemon daemon) throws Exception {
    DockerCli docker = daemon.docker();
    long since = java.time.Instant.now().getEpochSecond() - 1;
    try (TestRegistry reg = TestRegistry.start(false)) {
      String name = reg.host() + "/berth/bb";
      String id = TestImages.importBusybox(docker, tmp, name + ":v1");
      CliResult push = docker.run("push", name + ":v1");
      assertEquals(0, push.exitCode(), push::toString);
      assertTrue(push.stdout().contains("The push refers to repository [" + name + "]"), push::toString);
      String digest = pushedDigest(push, "v1");

      assertEquals(0, docker.run("rmi", name + ":v1").exitCode());
      CliResult pull = docker.run("pull", name + ":v1");
      assertEquals(0, pull.exitCode(), pull::toString);
      assertTrue(pull.stdout().contains("v1: Pulling from berth/bb"), pull::toString);
      assertTrue(pull.stdout().contains(": Pull complete"), pull::toString);
      assertTrue(pull.stdout().contains("Digest: " + digest), pull::toString);
      assertTrue(pull.stdout().contains("Status: Downloaded newer image for " + name + ":v1"), pull::toString);
      assertEquals(id, docker.run("image", "inspect", "-f", "{{.Id}}", name + ":v1").out());

      CliResult again = docker.run("pull", name + ":v1");
      assertTrue(again.stdout().contains("Status: Image is up to date for " + name + ":v1"), again::toString);

      assertEquals(0, docker.run("rmi", name + ":v1").exitCode());
      CliResult byDigest = docker.run("pull", name + "@" + digest);
      assertEquals(0, byDigest.exitCode(), byDigest::toString);
      CliResult digests = docker.run("image", "inspect", "-f", "{{.Id}} {{json .RepoDigests}}", name + "@" + digest);
      assertEquals(id + " [\"" + name + "@" + digest + "\"]", digests.out(), digests::toString);

      CliResult search = docker.run("search", "--format", "{{.Name}}", reg.host() + "/bb");
      assertEquals(name, search.out(), search::toString);
      try (RawHttp http = new RawHttp(daemon.socket())) {
        RawHttp.Response dist = http.get("/v1.50/distribution/" + name + ":v1/json");
        assertEquals(200, dist.status(), dist::body);
        assertEquals(digest, Json.MAPPER.readTree(dist.body()).path("Descriptor").path("digest").asText());
      }
      CliResult events = docker.run("events", "--since", Long.toString(since), "--until",
          Long.toString(java.time.Instant.now().getEpochSecond() + 1), "--filter", "type=image", "--format",
          "{{.Action}} {{.Actor.Attributes.name}}");
      assertTrue(events.out().lines().anyMatch(("push " + name)::equals), events::toString);
      assertTrue(events.out().lines().anyMatch(("pull " + name)::equals), events::toString);
    }
  }

  @Test
  void pushOfAnImportedImage_isDockerSchema2WithGzipLayers_thatLaterPushesFind(DockerCli docker) throws Exception {
    try (TestRegistry reg = TestRegistry.start(false)) {
      String name = reg.host() + "/berth/gz";
      String other = reg.host() + "/berth/gz-copy";
      String id = TestImages.importBusybox(docker, tmp, name + ":v1");
      String diffId = docker.run("image", "inspect", "-f", "{{index .RootFS.Layers 0}}", name + ":v1").out();
      CliResult push = docker.run("push", name + ":v1");
      String digest = pushedDigest(push, "v1");
      String layerLine = diffId.substring(7, 19) + ": ";
      assertTrue(push.stdout().contains(layerLine + "Pushed"), push::toString);

      HttpResponse<byte[]> got = reg.getManifest("berth/gz", "v1", DOCKER_MANIFEST);
      assertEquals(DOCKER_MANIFEST, got.headers().firstValue("Content-Type").orElse(""));
      assertEquals(digest, TestImages.sha256(got.body()));
      JsonNode manifest = Json.MAPPER.readTree(got.body());
      assertEquals(DOCKER_MANIFEST, manifest.path("mediaType").asText());
      assertEquals("application/vnd.docker.container.image.v1+json", manifest.path("config").path("mediaType")
          .asText());
      JsonNode layer = manifest.path("layers").get(0);
      assertEquals(1, manifest.path("layers").size());
      assertEquals("application/vnd.docker.image.rootfs.diff.tar.gzip", layer.path("mediaType").asText());
      byte[] blob = reg.getBlob("berth/gz", layer.path("digest").asText());
      assertEquals(layer.path("size").asLong(), blob.length);
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(blob))) {
        assertEquals(diffId, TestImages.sha256(in.readAllBytes()), "the blob gunzips to the layer's tar");
      }

      CliResult again = docker.run("push", name + ":v1");
      assertEquals(digest, pushedDigest(again, "v1"));
      assertTrue(again.stdout().contains(layerLine + "Layer already exists"), again::toString);
      assertEquals(0, docker.run("tag", name + ":v1", other + ":v1").exitCode());
      CliResult mounted = docker.run("push", other + ":v1");
      assertEquals(digest, pushedDigest(mounted, "v1"), "same manifest bytes in the other repository");
      assertTrue(mounted.stdout().contains(layerLine + "Mounted from berth/gz"), mounted::toString);

      assertEquals(0, docker.run("rmi", name + ":v1", other + ":v1").exitCode());
      CliResult pull = docker.run("pull", name + ":v1");
      assertEquals(0, pull.exitCode(), pull::toString);
      assertEquals(id, docker.run("image", "inspect", "-f", "{{.Id}}", name + ":v1").out());
      String third = reg.host() + "/berth/gz-pulled";
      assertEquals(0, docker.run("tag", name + ":v1", third + ":v1").exitCode());
      CliResult pulledBack = docker.run("push", third + ":v1");
      assertEquals(digest, pushedDigest(pulledBack, "v1"), "a pulled image goes back unchanged");
      assertTrue(pulledBack.stdout().contains(layerLine + "Mounted from berth/gz"), pulledBack::toString);
      assertEquals(0, docker.run("rmi", name + ":v1", third + ":v1").exitCode());
    }
  }

  @Test
  void pullAllTags_pullsEveryTagTheRegistryLists(BerthDaemon daemon) throws Exception {
    DockerCli docker = daemon.docker();
    try (TestRegistry reg = TestRegistry.start(false)) {
      String name = reg.host() + "/berth/all";
      TestImages.importBusybox(docker, tmp, name + ":v1");
      assertEquals(0, docker.run("tag", name + ":v1", name + ":v2").exitCode());
      for (String tag : List.of("v1", "v2")) {
        CliResult push = docker.run("push", name + ":" + tag);
        assertEquals(0, push.exitCode(), push::toString);
      }
      assertEquals(0, docker.run("rmi", name + ":v1", name + ":v2").exitCode());

      CliResult pull = docker.run("pull", "-a", name);
      assertEquals(0, pull.exitCode(), pull::toString);
      String out = pull.stdout();
      assertTrue(out.indexOf("v1: Pulling from berth/all") < out.indexOf("v2: Pulling from berth/all")
          && out.contains("v1: Pulling from"), pull::toString);
      assertEquals(1, out.lines().filter(l -> l.startsWith("Status: ")).count(), pull::toString);
      assertTrue(out.contains("Status: Downloaded newer image for " + name + "\n"), pull::toString);
      assertEquals(name + ":v1\n" + name + ":v2", docker.run("images", "--format", "{{.Repository}}:{{.Tag}}",
          name).out());
      CliResult again = docker.run("pull", "--all-tags", name);
      assertTrue(again.stdout().contains("Status: Image is up to date for " + name + "\n"), again::toString);

      CliResult missing = docker.run("pull", "-a", reg.host() + "/berth/none");
      assertEquals("Error response from daemon: repository " + reg.host() + "/berth/none not found: name unknown:"
          + " repository name not known to registry", missing.stderr().strip(), missing::toString);
      assertEquals(0, docker.run("rmi", name + ":v1", name + ":v2").exitCode());
    }
  }

  @Test
  void pullErrors_haveDockerdStatusesAndMessages(BerthDaemon daemon) throws Exception {
    DockerCli docker = daemon.docker();
    try (TestRegistry reg = TestRegistry.start(false); RawHttp http = new RawHttp(daemon.socket())) {
      RawHttp.Response unknown = http.send("POST", "/v1.50/images/create?fromImage=" + reg.host()
          + "/berth/none&tag=nope", null, null);
      assertEquals(404, unknown.status(), unknown::body);
      CliResult cli = docker.run("pull", reg.host() + "/berth/none:nope");
      assertNotEquals(0, cli.exitCode());
      assertTrue(cli.stderr().contains("manifest for " + reg.host() + "/berth/none:nope not found"), cli::toString);

      int closed;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closed = s.getLocalPort();
      }
      RawHttp.Response refused = http.send("POST", "/v1.50/images/create?fromImage=127.0.0.1:" + closed
          + "/x&tag=1", null, null);
      assertEquals(500, refused.status(), refused::body);
      assertEquals("Get \"http://127.0.0.1:" + closed + "/v2/\": dial tcp 127.0.0.1:" + closed
          + ": connect: connection refused", Json.MAPPER.readTree(refused.body()).path("message").asText());

      CliResult noHost = docker.run("pull", "registry.invalid/x:1");
      if (noHost.stderr().contains("no such host")) { // Go's resolver names the nameserver it asked
        assertTrue(noHost.stderr().matches("(?s).*dial tcp: lookup registry\\.invalid on \\S+:53: no such host.*"),
            noHost::toString);
      }
    }
  }

  @Test
  void ociIndexWithTwoPlatforms_pullsLinuxAmd64_orTheAskedPlatform(DockerCli docker) throws Exception {
    try (TestRegistry reg = TestRegistry.start(false)) {
      String name = reg.host() + "/berth/multi";
      String amd64Id = TestImages.importBusybox(docker, tmp, name + ":amd64");
      String diffId = docker.run("image", "inspect", "-f", "{{index .RootFS.Layers 0}}", name + ":amd64").out();
      String amd64Digest = pushedDigest(docker.run("push", name + ":amd64"), "amd64");
      byte[] amd64Manifest = reg.getManifest("berth/multi", "amd64");
      JsonNode layer = Json.MAPPER.readTree(amd64Manifest).path("layers").get(0);

      ObjectNode config = (ObjectNode) Json.MAPPER.readTree("{\"architecture\":\"arm64\",\"variant\":\"v8\","
          + "\"os\":\"linux\",\"created\":\"2024-01-01T00:00:00Z\",\"config\":{\"Cmd\":[\"sh\"]},"
          + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]}}");
      byte[] configBytes = Json.MAPPER.writeValueAsBytes(config);
      reg.putBlob("berth/multi", configBytes);
      byte[] arm64Manifest = Json.MAPPER.writeValueAsBytes(Map.of("schemaVersion", 2,
          "mediaType", "application/vnd.oci.image.manifest.v1+json",
          "config", descriptor("application/vnd.oci.image.config.v1+json", configBytes),
          "layers", List.of(layer)));
      reg.putManifest("berth/multi", "arm64", "application/vnd.oci.image.manifest.v1+json", arm64Manifest);
      byte[] index = Json.MAPPER.writeValueAsBytes(Map.of("schemaVersion", 2,
          "mediaType", "application/vnd.oci.image.index.v1+json",
          "manifests", List.of(
              withPlatform(descriptor("application/vnd.oci.image.manifest.v1+json", arm64Manifest), "arm64", "v8"),
              withPlatform(Map.of("mediaType", DOCKER_MANIFEST,
                  "digest", amd64Digest, "size", amd64Manifest.length), "amd64", null))));
      reg.putManifest("berth/multi", "v1", "application/vnd.oci.image.index.v1+json", index);

      CliResult pull = docker.run("pull", name + ":v1");
      assertEquals(0, pull.exitCode(), pull::toString);
      assertTrue(pull.stdout().contains("Digest: " + TestImages.sha256(index)), pull::toString);
      assertEquals("amd64 " + amd64Id, docker.run("image", "inspect", "-f", "{{.Architecture}} {{.Id}}",
          name + ":v1").out());

      CliResult arm = docker.run("pull", "--platform", "linux/arm64", name + ":v1");
      assertEquals(0, arm.exitCode(), arm::toString);
      assertEquals("arm64 " + TestImages.sha256(configBytes), docker.run("image", "inspect", "-f",
          "{{.Architecture}} {{.Id}}", name + ":v1").out());
    }
  }

  @Test
  void htpasswdRegistry_loginWrongThenRight_thenPushAndPull(DockerCli docker) throws Exception {
    try (TestRegistry reg = TestRegistry.start(true)) {
      String name = reg.host() + "/secure/bb";
      TestImages.importBusybox(docker, tmp, name + ":v1");
      CliResult anonymous = docker.run("push", name + ":v1");
      assertNotEquals(0, anonymous.exitCode(), anonymous::toString);
      assertTrue(anonymous.stderr().contains("no basic auth credentials"), anonymous::toString);

      CliResult wrong = docker.run(TestImages.utf8("wrong\n"), Duration.ofSeconds(30), "login", "-u",
          TestRegistry.USER, "--password-stdin", reg.host());
      assertNotEquals(0, wrong.exitCode(), wrong::toString);
      assertTrue(wrong.stderr().contains("login attempt to http://" + reg.host()
          + "/v2/ failed with status: 401 Unauthorized"), wrong::toString);
      CliResult right = docker.run(TestImages.utf8(TestRegistry.PASSWORD + "\n"), Duration.ofSeconds(30), "login",
          "-u", TestRegistry.USER, "--password-stdin", reg.host());
      assertEquals(0, right.exitCode(), right::toString);
      assertTrue(right.stdout().contains("Login Succeeded"), right::toString);

      CliResult push = docker.run("push", name + ":v1");
      assertEquals(0, push.exitCode(), push::toString);
      String digest = pushedDigest(push, "v1");
      assertEquals(0, docker.run("rmi", name + ":v1").exitCode());
      CliResult pull = docker.run("pull", name + ":v1");
      assertEquals(0, pull.exitCode(), pull::toString);
      assertTrue(pull.stdout().contains("Digest: " + digest), pull::toString);
      assertEquals(0, docker.run("logout", reg.host()).exitCode());
    }
  }

  private static String pushedDigest(CliResult push, String tag) {
    assertEquals(0, push.exitCode(), push::toString);
    Matcher m = PUSHED.matcher(push.stdout());
    assertTrue(m.find(), push::toString);
    assertEquals(tag, m.group(1));
    return m.group(2);
  }

  private static Map<String, Object> descriptor(String mediaType, byte[] content) {
    return Map.of("mediaType", mediaType, "digest", TestImages.sha256(content), "size", content.length);
  }

  private static Map<String, Object> withPlatform(Map<String, Object> d, String arch, String variant) {
    Map<String, Object> out = new java.util.LinkedHashMap<>(d);
    out.put("platform", variant == null ? Map.of("architecture", arch, "os", "linux")
        : Map.of("architecture", arch, "os", "linux", "variant", variant));
    return out;
  }

}
