package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Volumes, binds and tmpfs mounts with the stock CLI against a real berthd. */
@Tag("cli")
@ExtendWith(DaemonExtension.class)
class VolumeIT {
  private static final String IMG = "busybox:vol";
  private static final String DATA_IMG = "busybox:voldata";
  private final List<String> containers = new ArrayList<>();
  private final List<String> volumes = new ArrayList<>();

  @BeforeAll
  static void images(DockerCli docker, @TempDir Path dir) throws IOException {
    TestImages.importBusybox(docker, dir, IMG);
    TarBuilder tar = new TarBuilder();
    for (String d : List.of("bin", "dev", "etc", "proc", "sys", "tmp", "data")) {
      tar.dir(d, 0755);
    }
    tar.file("bin/busybox", Files.readAllBytes(TestImages.BUSYBOX), 0755);
    for (String applet : TestImages.applets()) {
      if (!applet.equals("busybox")) {
        tar.symlink("bin/" + applet, "busybox");
      }
    }
    tar.file("data/hello", "hello from the image\n");
    Path t = dir.resolve("data.tar");
    Files.write(t, tar.build());
    CliResult r = docker.run("import", "-c", "VOLUME /data", "-c", "CMD [\"sh\"]", t.toString(), DATA_IMG);
    assertEquals(0, r.exitCode(), r::toString);
  }

  @AfterEach
  void cleanup(DockerCli docker) {
    for (String c : containers) {
      docker.run("rm", "-f", "-v", c);
    }
    for (String v : volumes) {
      docker.run("volume", "rm", "-f", v);
    }
    containers.clear();
    volumes.clear();
  }

  private String name(String base) {
    return base + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
  }

  private CliResult run(DockerCli docker, String... args) {
    CliResult r = docker.run(args);
    assertEquals(0, r.exitCode(), r::toString);
    return r;
  }

  @Test
  void namedVolume_dataOutlivesTheContainer(DockerCli docker) {
    String v = name("vdata");
    volumes.add(v);
    run(docker, "run", "--rm", "-v", v + ":/data", IMG, "sh", "-c", "echo persisted > /data/f");
    assertEquals("persisted", run(docker, "run", "--rm", "-v", v + ":/data:ro", IMG, "cat", "/data/f").out());
    assertTrue(run(docker, "volume", "ls", "-q").out().lines().anyMatch(v::equals));
    String mp = run(docker, "volume", "inspect", "-f", "{{.Mountpoint}} {{.Driver}} {{.Scope}}", v).out();
    assertTrue(mp.endsWith("/volumes/" + v + "/_data local local"), mp);
    CliResult ro = docker.run("run", "--rm", "-v", v + ":/data:ro", IMG, "touch", "/data/g");
    assertNotEquals(0, ro.exitCode(), ro::toString);
  }

  @Test
  void imageVolume_isCopiedUpIntoAnAnonymousVolume_andRmVRemovesIt(DockerCli docker) {
    String c = name("anon");
    containers.add(c);
    run(docker, "run", "--name", c, DATA_IMG, "cat", "/data/hello");
    assertEquals("hello from the image", run(docker, "logs", c).out());
    String mount = run(docker, "inspect", "-f",
        "{{range .Mounts}}{{.Type}} {{.Name}} {{.Destination}} {{.Driver}} {{.RW}}{{end}}", c).out();
    String[] f = mount.split(" ");
    assertEquals("volume", f[0], mount);
    assertTrue(f[1].matches("[0-9a-f]{64}"), mount);
    assertEquals("/data local true", f[2] + " " + f[3] + " " + f[4], mount);
    assertEquals(c, run(docker, "ps", "-a", "--filter", "volume=" + f[1], "--format", "{{.Names}}").out());
    run(docker, "rm", "-v", c);
    containers.remove(c);
    assertFalse(run(docker, "volume", "ls", "-q").out().lines().anyMatch(f[1]::equals));
  }

  @Test
  void nocopy_leavesTheVolumeEmpty(DockerCli docker) {
    String v = name("nocopy");
    volumes.add(v);
    assertEquals("", run(docker, "run", "--rm", "--mount", "type=volume,src=" + v + ",dst=/data,volume-nocopy",
        DATA_IMG, "ls", "/data").out());
  }

  @Test
  void readOnlyBind_refusesWrites(DockerCli docker, @TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("in"), "host");
    assertEquals("host", run(docker, "run", "--rm", "-v", dir + ":/x:ro", IMG, "cat", "/x/in").out());
    CliResult w = docker.run("run", "--rm", "-v", dir + ":/x:ro", IMG, "sh", "-c", "echo no > /x/out");
    assertNotEquals(0, w.exitCode(), w::toString);
    assertTrue(w.stderr().contains("Read-only file system"), w::toString);
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void tmpfsMount_hasItsSizeLimit(DockerCli docker) {
    String df = run(docker, "run", "--rm", "--mount", "type=tmpfs,dst=/t,tmpfs-size=1m", IMG, "df", "-k", "/t")
        .out();
    assertTrue(df.lines().skip(1).anyMatch(l -> l.split("\\s+")[1].equals("1024")), df);
    CliResult full = docker.run("run", "--rm", "--mount", "type=tmpfs,dst=/t,tmpfs-size=1m", IMG, "dd",
        "if=/dev/zero", "of=/t/f", "bs=1024", "count=2048");
    assertNotEquals(0, full.exitCode(), full::toString);
  }

  @Test
  void removeInUse_failsWithDockerdsMessage(DockerCli docker) {
    String v = name("busy");
    String c = name("user");
    volumes.add(v);
    containers.add(c);
    String id = run(docker, "create", "--name", c, "-v", v + ":/d", IMG, "true").out();
    CliResult rm = docker.run("volume", "rm", v);
    assertEquals(1, rm.exitCode(), rm::toString);
    assertEquals("Error response from daemon: remove " + v + ": volume is in use - [" + id + "]",
        rm.stderr().strip());
    run(docker, "rm", c);
    containers.remove(c);
    run(docker, "volume", "rm", v);
    CliResult gone = docker.run("volume", "inspect", v);
    assertEquals(1, gone.exitCode(), gone::toString);
    assertTrue(gone.stderr().contains("no such volume"), gone::toString);
  }

  @Test
  void createLabelsAndPrune(DockerCli docker) {
    String named = name("named");
    volumes.add(named);
    run(docker, "volume", "create", "--label", "team=a", named);
    assertEquals("map[team:a]", run(docker, "volume", "inspect", "-f", "{{.Labels}}", named).out());
    assertEquals(named, run(docker, "volume", "ls", "-q", "--filter", "label=team=a").out());
    String c = name("leaver");
    containers.add(c);
    run(docker, "create", "--name", c, "-v", "/anon", IMG, "true");
    String anon = run(docker, "inspect", "-f", "{{range .Mounts}}{{.Name}}{{end}}", c).out();
    run(docker, "rm", c);
    containers.remove(c);
    assertTrue(run(docker, "volume", "ls", "-q", "--filter", "dangling=true").out().lines().anyMatch(anon::equals));
    String pruned = run(docker, "volume", "prune", "-f").out();
    assertTrue(pruned.contains(anon), pruned);
    assertFalse(pruned.contains(named), pruned);
    assertTrue(run(docker, "volume", "ls", "-q").out().lines().anyMatch(named::equals));
    String all = run(docker, "volume", "prune", "-a", "-f", "--filter", "label=team=a").out();
    assertTrue(all.contains(named), all);
    volumes.remove(named);
  }

  @Test
  void volumesFrom_sharesTheMounts(DockerCli docker) {
    String src = name("src");
    containers.add(src);
    run(docker, "run", "--name", src, DATA_IMG, "sh", "-c", "echo shared > /data/s");
    assertEquals("shared", run(docker, "run", "--rm", "--volumes-from", src, IMG, "cat", "/data/s").out());
  }

  @Test
  void filterErrors_useDockerds28Wording(DockerCli docker) {
    CliResult dangling = docker.run("volume", "ls", "--filter", "dangling=x");
    assertEquals(1, dangling.exitCode(), dangling::toString);
    assertTrue(dangling.stderr().contains("invalid filter 'dangling=[x]'"), dangling::toString);
    CliResult status = docker.run("ps", "--filter", "status=bogus");
    assertEquals(1, status.exitCode(), status::toString);
    assertTrue(status.stderr().contains("invalid filter 'status=bogus'"), status::toString);
  }

  @Test
  void start_connectsTheNetworkBeforeMountingVolumes_asDockerdDoes(DockerCli docker) {
    String v = name("ord");
    volumes.add(v);
    long since = System.currentTimeMillis() / 1000 - 1;
    String id = run(docker, "create", "-v", v + ":/v", IMG, "true").out();
    containers.add(id);
    run(docker, "start", "-a", id);
    CliResult events = docker.run("events", "--since", Long.toString(since), "--until",
        Long.toString(System.currentTimeMillis() / 1000 + 1), "--filter", "type=volume", "--filter", "type=network",
        "--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.container}}");
    List<String> ours = events.out().lines().filter(l -> l.endsWith(" " + id))
        .map(l -> l.substring(0, l.lastIndexOf(' '))).toList();
    assertEquals(List.of("network connect", "volume mount", "network disconnect", "volume unmount"), ours,
        events::toString);
  }

  @Test
  void tmpfsVolume_isMountedWhileUsed_withEvents(DockerCli docker) {
    String v = name("tv");
    volumes.add(v);
    long since = System.currentTimeMillis() / 1000 - 1;
    run(docker, "volume", "create", "-o", "type=tmpfs", "-o", "device=tmpfs", "-o", "o=size=1m", v);
    assertEquals("map[device:tmpfs o:size=1m type:tmpfs]",
        run(docker, "volume", "inspect", "-f", "{{.Options}}", v).out());
    String df = run(docker, "run", "--rm", "-v", v + ":/t", IMG, "df", "-k", "/t").out();
    assertTrue(df.lines().skip(1).anyMatch(l -> l.split("\\s+")[1].equals("1024")), df);
    CliResult bad = docker.run("volume", "create", "-o", "foo=bar", name("bad"));
    assertEquals(1, bad.exitCode(), bad::toString);
    assertTrue(bad.stderr().contains("invalid option: \"foo\""), bad::toString);
    String sys = run(docker, "system", "df", "-v", "--format", "{{range .Volumes}}{{.Name}} {{end}}").out();
    assertTrue(sys.contains(v), sys);
    run(docker, "volume", "rm", v);
    volumes.remove(v);
    CliResult events = docker.run("events", "--since", Long.toString(since), "--until",
        Long.toString(System.currentTimeMillis() / 1000 + 1), "--filter", "type=volume", "--filter", "volume=" + v,
        "--format", "{{.Action}}");
    assertEquals("create\nmount\nunmount\ndestroy", events.out(), events::toString);
  }
  @Test
  void slaveOrSharedBind_needsAPropagatingSourceMount(DockerCli docker, @TempDir Path dir) {
    String mnt = dir.toString();
    sh("mount -t tmpfs -o size=1m hlprop " + mnt + " && mount --make-private " + mnt + " && mkdir " + mnt + "/x");
    try {
      String src = mnt + "/x";
      CliResult slave = docker.run("run", "--rm", "--mount", "type=bind,src=" + src + ",dst=/x,bind-propagation=rslave",
          IMG, "true");
      assertEquals(125, slave.exitCode(), slave::toString);
      assertTrue(slave.stderr().contains("Error response from daemon: path " + src + " is mounted on " + mnt
          + " but it is not a shared or slave mount"), slave::toString);
      CliResult shared = docker.run("run", "--rm", "-v", src + ":/x:rshared", IMG, "true");
      assertEquals(125, shared.exitCode(), shared::toString);
      assertTrue(shared.stderr().contains("path " + src + " is mounted on " + mnt + " but it is not a shared mount"),
          shared::toString);
      sh("mount --make-shared " + mnt);
      run(docker, "run", "--rm", "-v", src + ":/x:rslave", IMG, "true");
      assertEquals("rshared", run(docker, "run", "--rm", "--mount",
          "type=bind,src=" + src + ",dst=/x,bind-propagation=rshared", IMG, "sh", "-c",
          "grep -q ' /x .*shared:' /proc/self/mountinfo && echo rshared").out());
    } finally {
      sh("umount " + mnt);
    }
  }

  private static void sh(String script) {
    CliResult r = Processes.run(List.of("sh", "-c", script), java.util.Map.of(), null,
        java.time.Duration.ofSeconds(10));
    assertEquals(0, r.exitCode(), r::toString);
  }
}
