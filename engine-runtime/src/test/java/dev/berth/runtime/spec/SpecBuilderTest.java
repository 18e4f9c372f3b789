package dev.berth.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.runtime.user.TestRootfs;
import dev.berth.runtime.user.UserLookupException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full default spec checked field by field (golden-ish), then the options that change it. */
class SpecBuilderTest {
  private static final long MIB = 1024 * 1024;
  @TempDir Path rootfs;
  @TempDir Path containerDir;
  private final SpecBuilder builder = new SpecBuilder(TestHosts.defaults(), TestHosts.vm());

  @BeforeEach
  void setUp() {
    TestRootfs.create(rootfs);
  }

  private ContainerRuntimeConfig.Builder base() {
    return ContainerRuntimeConfig.builder("abc123", rootfs)
        .args("sh", "-c", "echo ok")
        .hostname("abc123")
        .network(NamespaceMode.path("/run/netns/abc123"));
  }

  private ContainerRuntimeConfig.Builder config() {
    return base().mounts(ContainerMount.networkFiles(containerDir, false));
  }

  private static Mount mount(Spec s, String destination) {
    return s.mounts().stream().filter(m -> m.destination().equals(destination)).findFirst().orElse(null);
  }

  private static List<String> namespaceTypes(Spec s) {
    return s.linux().namespaces().stream().map(LinuxNamespace::type).toList();
  }

  @Test
  void defaultContainer_matchesDockerd() {
    Spec s = builder.build(config().resources(Resources.builder().memory(64 * MIB).build().withDockerDefaults())
        .build());
    assertEquals("1.0.2-dev", s.ociVersion());
    ProcessSpec p = s.process();
    assertFalse(p.terminal());
    assertEquals(new User(0, 0, null, List.of(0, 10)), p.user());
    assertEquals(List.of("sh", "-c", "echo ok"), p.args());
    assertEquals(List.of("PATH=" + DefaultSpec.PATH_ENV, "HOSTNAME=abc123"), p.env());
    assertEquals("/", p.cwd());
    assertEquals(LinuxCapabilities.of(Capabilities.DEFAULTS), p.capabilities());
    assertEquals(List.of(), p.rlimits(), "rlimits are left to the runtime like dockerd");
    assertFalse(p.noNewPrivileges());
    assertNull(p.oomScoreAdj());
    assertEquals(new Root(rootfs.toString(), false), s.root());
    assertEquals("abc123", s.hostname());

    assertEquals(List.of("/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup", "/dev/mqueue", "/dev/shm",
        "/etc/resolv.conf", "/etc/hostname", "/etc/hosts"), s.mounts().stream().map(Mount::destination).toList());
    assertEquals(List.of("nosuid", "noexec", "nodev", "mode=1777", "size=67108864"), mount(s, "/dev/shm").options());
    assertEquals(new Mount("/etc/hosts", "bind", containerDir.resolve("hosts").toString(),
        List.of("rbind", "rprivate")), mount(s, "/etc/hosts"));
    assertEquals(List.of("nosuid", "noexec", "nodev", "ro"), mount(s, "/sys").options());

    Linux l = s.linux();
    assertEquals("/berth/abc123", l.cgroupsPath());
    assertEquals(List.of(new LinuxNamespace("mount", null), new LinuxNamespace("network", "/run/netns/abc123"),
        new LinuxNamespace("uts", null), new LinuxNamespace("pid", null), new LinuxNamespace("ipc", null)),
        l.namespaces());
    assertEquals(Map.of("net.ipv4.ping_group_range", "0 2147483647", "net.ipv4.ip_unprivileged_port_start", "0"),
        l.sysctl());
    assertEquals(DefaultSpec.MASKED_PATHS, l.maskedPaths());
    assertEquals(DefaultSpec.READONLY_PATHS, l.readonlyPaths());
    assertEquals(List.of(), l.devices());
    assertEquals(DefaultSpec.DEVICE_CGROUP_RULES, l.resources().devices());
    assertEquals(new LinuxMemory(64 * MIB, null, 128 * MIB, null, null), l.resources().memory());
    assertNull(l.resources().cpu());
    assertEquals("SCMP_ACT_ERRNO", l.seccomp().defaultAction());
    assertNull(l.rootfsPropagation());
  }

  @Test
  void json_omitsEmptiesLikeGo() {
    String json = SpecJson.toJson(builder.build(config().build()));
    assertFalse(json.contains("null"), json);
    assertFalse(json.contains("\"terminal\""), json);
    assertFalse(json.contains("\"rlimits\""), json);
    assertFalse(json.contains("\"readonly\""), json);
    assertFalse(json.contains("\"oomScoreAdj\""), json);
    assertTrue(json.contains("\"allow\" : false"), json);
    assertTrue(json.contains("\"defaultErrnoRet\" : 1"), json);
    assertTrue(json.contains("\"value\" : 4294967295"), json);
    assertEquals(builder.build(config().build()), SpecJson.fromJson(json));
  }

  @Test
  void bundleConfig_isWrittenAndReadBack(@TempDir Path bundle) {
    Spec s = builder.build(config().build());
    assertEquals(bundle.resolve("config.json"), SpecJson.write(s, bundle));
    assertEquals(s, SpecJson.read(bundle));
  }

  @Test
  void privileged_getsEverythingTheDaemonHas() {
    var devices = new FakeDeviceLookup().charDevice("/dev/null", 1, 3).blockDevice("/dev/sda", 8, 0);
    var b = new SpecBuilder(TestHosts.defaults(), TestHosts.vm(devices, CgroupMode.HYBRID));
    Spec s = b.build(config().privileged(true).build());
    assertEquals(TestHosts.VM_BOUNDING.names(), s.process().capabilities().bounding());
    assertEquals(TestHosts.VM_BOUNDING.names(), s.process().capabilities().effective());
    assertFalse(s.process().capabilities().bounding().contains("CAP_SYS_RESOURCE"));
    assertNull(s.linux().seccomp());
    assertEquals(List.of(), s.linux().maskedPaths());
    assertEquals(List.of(), s.linux().readonlyPaths());
    assertEquals(List.of("nosuid", "noexec", "nodev"), mount(s, "/sys").options());
    assertEquals(List.of("nosuid", "noexec", "nodev"), mount(s, "/sys/fs/cgroup").options());
    assertEquals(2, s.linux().devices().size());
    assertEquals(List.of(new LinuxDeviceCgroup(true, null, null, null, "rwm")), s.linux().resources().devices());
    assertFalse(namespaceTypes(s).contains("cgroup"));
  }

  @Test
  void cgroupNamespace_privateOnV2HostOnV1() {
    var v2 = new SpecBuilder(TestHosts.defaults(), TestHosts.vm(new FakeDeviceLookup(), CgroupMode.UNIFIED));
    assertTrue(namespaceTypes(v2.build(config().build())).contains("cgroup"));
    assertTrue(namespaceTypes(v2.build(config().privileged(true).build())).contains("cgroup"));
    assertFalse(namespaceTypes(v2.build(config().cgroupns(NamespaceMode.host()).build())).contains("cgroup"));
    assertFalse(namespaceTypes(builder.build(config().build())).contains("cgroup"));
    assertTrue(namespaceTypes(builder.build(config().cgroupns(NamespaceMode.privateNs()).build())).contains("cgroup"));
  }

  @Test
  void readOnlyRootfs() {
    Spec s = builder.build(base().readonlyRootfs(true).mounts(ContainerMount.networkFiles(containerDir, true))
        .build());
    assertTrue(s.root().readonly());
    assertTrue(mount(s, "/sys/fs/cgroup").options().contains("ro"));
    assertFalse(mount(s, "/dev/mqueue").options().contains("ro"));
    assertFalse(mount(s, "/dev/shm").options().contains("ro"));
    assertFalse(mount(s, "/proc").options().contains("ro"));
    assertEquals(List.of("rbind", "ro", "rprivate"), mount(s, "/etc/hosts").options());
  }

  @Test
  void userMounts_bindsVolumesTmpfs_sortedByDepth() {
    Spec s = builder.build(config()
        .mount(ContainerMount.bind("/srv/data", "/data/deep/er", true))
        .mount(ContainerMount.volume("/var/lib/berth/volumes/v/_data", "/data", false))
        .mount(ContainerMount.tmpfs("/run", "size=1m,exec"))
        .mount(new ContainerMount(ContainerMount.Type.BIND, "/mnt", "/mnt", false, "rshared", true, null))
        .build());
    List<String> dest = s.mounts().stream().map(Mount::destination).toList();
    assertTrue(dest.indexOf("/data") < dest.indexOf("/data/deep/er"), dest.toString());
    assertEquals(List.of("rbind", "ro", "rprivate"), mount(s, "/data/deep/er").options());
    assertEquals(List.of("rbind"), mount(s, "/data").options());
    assertEquals(new Mount("/run", "tmpfs", "tmpfs", List.of("nosuid", "nodev", "rprivate", "size=1m", "exec")),
        mount(s, "/run"));
    assertEquals(List.of("bind", "rshared"), mount(s, "/mnt").options());
    assertEquals("shared", s.linux().rootfsPropagation());
  }

  @Test
  void userMountOverDefaults_replacesThem() {
    Spec s = builder.build(config().mount(ContainerMount.tmpfs("/dev/shm", "size=8m"))
        .mount(ContainerMount.bind("/host/dev", "/dev", false)).build());
    assertNull(mount(s, "/dev/pts"));
    assertNull(mount(s, "/dev/mqueue"));
    assertEquals("tmpfs", mount(s, "/dev/shm").type());
    assertTrue(mount(s, "/dev/shm").options().contains("size=8m"));
    assertEquals("bind", mount(s, "/dev").type());
  }

  @Test
  void ipcModes() {
    Spec none = builder.build(config().ipc(NamespaceMode.none()).build());
    assertNull(mount(none, "/dev/shm"));
    assertTrue(namespaceTypes(none).contains("ipc"));
    Spec host = builder.build(config().ipc(NamespaceMode.host()).shmSource(Path.of("/dev/shm")).build());
    assertFalse(namespaceTypes(host).contains("ipc"));
    assertEquals(new Mount("/dev/shm", "bind", "/dev/shm", List.of("rbind", "rprivate")), mount(host, "/dev/shm"));
    Spec other = builder.build(config().ipc(NamespaceMode.container(99, "ipc")).build());
    assertTrue(other.linux().namespaces().contains(new LinuxNamespace("ipc", "/proc/99/ns/ipc")));
    Spec sized = builder.build(config().shmSize(128 * MIB).build());
    assertTrue(mount(sized, "/dev/shm").options().contains("size=134217728"));
  }

  @Test
  void hostNamespaces() {
    Spec s = builder.build(config().network(NamespaceMode.host()).pid(NamespaceMode.host())
        .uts(NamespaceMode.host()).init(true).build());
    assertEquals(List.of("mount", "ipc"), namespaceTypes(s));
    assertNull(s.hostname());
    assertEquals(Map.of(), s.linux().sysctl());
    assertEquals(List.of("sh", "-c", "echo ok"), s.process().args(), "no init outside a private pid namespace");
    var e = assertThrows(InvalidParameterException.class, () -> builder.build(config()
        .network(NamespaceMode.host()).sysctls(Map.of("net.core.somaxconn", "1024")).build()));
    assertEquals("sysctl \"net.core.somaxconn\" not allowed in host network namespace", e.getMessage());
  }

  @Test
  void joiningAnotherContainersNetwork_skipsDefaultSysctls() {
    Spec s = builder.build(config().network(NamespaceMode.container(1234, "net")).build());
    assertTrue(s.linux().namespaces().contains(new LinuxNamespace("network", "/proc/1234/ns/net")));
    assertEquals(Map.of(), s.linux().sysctl());
  }

  @Test
  void sysctlsAndDomainname() {
    Spec s = builder.build(config().domainname("example.org")
        .sysctls(Map.of("net.ipv4.ip_unprivileged_port_start", "1024", "kernel.shmmax", "1000")).build());
    assertEquals("1024", s.linux().sysctl().get("net.ipv4.ip_unprivileged_port_start"));
    assertEquals("example.org", s.linux().sysctl().get("kernel.domainname"));
    assertEquals("1000", s.linux().sysctl().get("kernel.shmmax"));
    assertThrows(InvalidParameterException.class,
        () -> builder.build(config().sysctls(Map.of("vm.swappiness", "1")).build()));
  }

  @Test
  void init_wrapsArgsAndBindsTheBinary() {
    Spec s = builder.build(config().init(true).build());
    assertEquals(List.of("/sbin/docker-init", "--", "sh", "-c", "echo ok"), s.process().args());
    assertEquals(new Mount("/sbin/docker-init", "bind", "/usr/bin/tini-static", List.of("bind", "ro")),
        mount(s, "/sbin/docker-init"));
    var noInit = new SpecBuilder(new SpecDefaults("/berth", null, true, null, false, DefaultSpec.SHM_SIZE,
        List.of(), null), TestHosts.vm());
    assertThrows(dev.berth.api.errors.SystemException.class, () -> noInit.build(config().build()));
  }

  @Test
  void userAndProcessOptions() {
    Spec s = builder.build(config().user("app").groupAdd(List.of("www-data")).workingDir("/home/app").tty(true)
        .consoleSize(new ConsoleSize(40, 120)).env(List.of("FOO=bar")).securityOpt(List.of("no-new-privileges"))
        .ulimits(List.of(new Ulimit("nofile", 1024, 2048))).oomScoreAdj(500)
        .annotations(Map.of("org.example", "x")).build());
    ProcessSpec p = s.process();
    assertEquals(new User(1000, 1000, null, List.of(1000, 29, 50, 33)), p.user());
    assertEquals("/home/app", p.cwd());
    assertTrue(p.terminal());
    assertEquals(new ConsoleSize(40, 120), p.consoleSize());
    assertEquals(List.of("PATH=" + DefaultSpec.PATH_ENV, "HOSTNAME=abc123", "TERM=xterm", "FOO=bar"), p.env());
    assertTrue(p.noNewPrivileges());
    assertEquals(List.of(new Rlimit("RLIMIT_NOFILE", 2048, 1024)), p.rlimits());
    assertEquals(500, p.oomScoreAdj());
    assertEquals(Map.of("org.example", "x"), s.annotations());
    var e = assertThrows(UserLookupException.class, () -> builder.build(config().user("nobody2").build()));
    assertEquals("unable to find user nobody2: no matching entries in passwd file", e.getMessage());
  }

  @Test
  void capabilitiesDriveSeccomp() {
    Spec s = builder.build(config().capAdd(List.of("SYS_ADMIN")).capDrop(List.of("NET_RAW")).build());
    assertTrue(s.process().capabilities().bounding().contains("CAP_SYS_ADMIN"));
    assertFalse(s.process().capabilities().bounding().contains("CAP_NET_RAW"));
    assertTrue(s.linux().seccomp().syscalls().stream()
        .anyMatch(r -> r.names().contains("mount") && r.action().equals("SCMP_ACT_ALLOW")));
    assertNull(builder.build(config().securityOpt(List.of("seccomp=unconfined")).build()).linux().seccomp());
  }

  @Test
  void cgroupParent_containerThenDaemon() {
    assertEquals("/custom/abc123", builder.build(config().cgroupParent("/custom/").build()).linux().cgroupsPath());
    var b = new SpecBuilder(TestHosts.defaults().withCgroupParent("/berth-test"), TestHosts.vm());
    assertEquals("/berth-test/abc123", b.build(config().build()).linux().cgroupsPath());
  }

  @Test
  void maskedAndReadonlyPathOverrides() {
    Spec s = builder.build(config().maskedPaths(List.of("/proc/x")).readonlyPaths(List.of()).build());
    assertEquals(List.of("/proc/x"), s.linux().maskedPaths());
    assertEquals(List.of(), s.linux().readonlyPaths());
  }

  @Test
  void devicesAndRules() {
    var devices = new FakeDeviceLookup().charDevice("/dev/fuse", 10, 229);
    var b = new SpecBuilder(TestHosts.defaults(), TestHosts.vm(devices, CgroupMode.HYBRID));
    Spec s = b.build(config().devices(List.of(new DeviceMapping("/dev/fuse", null, null)))
        .deviceCgroupRules(List.of("c 13:* rwm")).build());
    assertEquals(List.of(new LinuxDevice("/dev/fuse", "c", 10, 229, 0666, 0, 0)), s.linux().devices());
    List<LinuxDeviceCgroup> rules = s.linux().resources().devices();
    assertEquals(new LinuxDeviceCgroup(true, "c", 13L, -1L, "rwm"), rules.get(rules.size() - 1));
    assertEquals(new LinuxDeviceCgroup(true, "c", 10L, 229L, "rwm"), rules.get(rules.size() - 2));
  }

  @Test
  void validate_rejectsBadConfigsAtCreate() {
    assertEquals(List.of(), builder.validate(config().build()));
    String longName = "x".repeat(65);
    var e = assertThrows(InvalidParameterException.class, () -> builder.validate(config().hostname(longName).build()));
    assertEquals("hostname \"" + longName + "\" is too long (maximum 64 bytes)", e.getMessage());
    assertThrows(InvalidParameterException.class, () -> builder.validate(config().args(List.of()).build()));
    assertThrows(InvalidParameterException.class,
        () -> builder.validate(config().ulimits(List.of(new Ulimit("nofile", 1, 1_000_000))).build()));
    assertThrows(InvalidParameterException.class,
        () -> builder.validate(config().capAdd(List.of("SYS_RESOURCE")).build()));
    assertThrows(InvalidParameterException.class,
        () -> builder.validate(config().mount(ContainerMount.tmpfs("/", "")).build()));
    assertThrows(InvalidParameterException.class,
        () -> builder.validate(config().mount(ContainerMount.tmpfs("/x", "bogus=1")).build()));
    assertThrows(InvalidParameterException.class,
        () -> builder.validate(config().securityOpt(List.of("seccomp={broken")).build()));
    assertThrows(InvalidParameterException.class,
        () -> builder.validate(config().resources(Resources.builder().memory(1).build()).build()));
    assertThrows(InvalidParameterException.class, () -> builder.validate(config().oomScoreAdj(-1001).build()));
  }
}
