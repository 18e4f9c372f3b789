package dev.berth.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeccompProfilesTest {
  private final SeccompProfiles profiles = new SeccompProfiles(null, "amd64", new KernelVersion(6, 18));

  private static Optional<LinuxSeccomp.Syscall> rule(LinuxSeccomp s, String name) {
    return s.syscalls().stream().filter(r -> r.names().contains(name)).findFirst();
  }

  private static boolean allowedUnconditionally(LinuxSeccomp s, String name) {
    return s.syscalls().stream().anyMatch(r -> r.names().contains(name) && r.action().equals("SCMP_ACT_ALLOW")
        && r.args().isEmpty());
  }

  @Test
  void builtin_withDefaultCaps_isDockerdsAllowList() {
    LinuxSeccomp s = profiles.forContainer(null, false, Capabilities.DEFAULTS);
    assertEquals("SCMP_ACT_ERRNO", s.defaultAction());
    assertEquals(1, s.defaultErrnoRet());
    assertEquals(List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"), s.architectures());
    for (String call : List.of("read", "write", "execve", "getrandom", "arch_prctl", "chroot", "ptrace",
        "io_setup", "statx", "clone3")) {
      assertTrue(rule(s, call).isPresent(), call);
    }
    for (String call : List.of("mount", "umount2", "unshare", "setns", "reboot", "init_module", "bpf",
        "settimeofday", "open_by_handle_at", "kexec_load", "cacheflush", "s390_runtime_instr", "swapcontext")) {
      assertFalse(allowedUnconditionally(s, call), call);
    }
    LinuxSeccomp.Syscall clone = rule(s, "clone").orElseThrow();
    assertEquals(new LinuxSeccomp.Arg(0, 2114060288L, 0, "SCMP_CMP_MASKED_EQ"), clone.args().get(0));
    LinuxSeccomp.Syscall clone3 = rule(s, "clone3").orElseThrow();
    assertEquals("SCMP_ACT_ERRNO", clone3.action());
    assertEquals(38, clone3.errnoRet());
    assertEquals(3, s.syscalls().stream().filter(r -> r.names().equals(List.of("socket"))).count());
  }

  @Test
  void builtin_followsCapabilities() {
    List<String> caps = new ArrayList<>(Capabilities.DEFAULTS);
    caps.add("CAP_SYS_ADMIN");
    caps.remove("CAP_SYS_CHROOT");
    LinuxSeccomp s = profiles.forContainer(null, false, caps);
    assertTrue(allowedUnconditionally(s, "mount"));
    assertTrue(allowedUnconditionally(s, "clone"));
    assertTrue(allowedUnconditionally(s, "clone3"));
    assertFalse(rule(s, "chroot").isPresent());
  }

  @Test
  void oldKernel_dropsMinKernelRules() {
    var old = new SeccompProfiles(null, "amd64", new KernelVersion(4, 4));
    assertFalse(rule(old.forContainer(null, false, Capabilities.DEFAULTS), "ptrace").isPresent());
  }

  @Test
  void arm64_getsArmCallsAndArchitectures() {
    var arm = new SeccompProfiles(null, "arm64", new KernelVersion(6, 1));
    LinuxSeccomp s = arm.forContainer(null, false, Capabilities.DEFAULTS);
    assertEquals(List.of("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"), s.architectures());
    assertTrue(rule(s, "cacheflush").isPresent());
    assertFalse(rule(s, "arch_prctl").isPresent());
  }

  @Test
  void unconfinedAndPrivileged_haveNoFilter() {
    assertNull(profiles.forContainer("unconfined", false, Capabilities.DEFAULTS));
    assertNull(profiles.forContainer(null, true, Capabilities.DEFAULTS));
    assertNull(new SeccompProfiles("unconfined", "amd64", new KernelVersion(6, 18))
        .forContainer(null, false, Capabilities.DEFAULTS));
  }

  @Test
  void customProfileFile_andInlineJson(@TempDir Path dir) throws Exception {
    String json = """
        {"defaultAction": "SCMP_ACT_ALLOW",
         "architectures": ["SCMP_ARCH_X86_64"],
         "syscalls": [
           {"name": "mkdir", "action": "SCMP_ACT_ERRNO", "errnoRet": 13},
           {"names": ["chmod"], "action": "SCMP_ACT_ERRNO", "excludes": {"caps": ["CAP_FOWNER"]}}]}
        """;
    Path file = dir.resolve("profile.json");
    Files.writeString(file, json);
    for (String option : List.of(file.toString(), json)) {
      LinuxSeccomp s = profiles.forContainer(option, false, Capabilities.DEFAULTS);
      assertEquals("SCMP_ACT_ALLOW", s.defaultAction());
      assertEquals(List.of("SCMP_ARCH_X86_64"), s.architectures());
      assertEquals(1, s.syscalls().size(), "chmod is excluded because CAP_FOWNER is held");
      assertEquals(new LinuxSeccomp.Syscall(List.of("mkdir"), "SCMP_ACT_ERRNO", 13, List.of()), s.syscalls().get(0));
    }
    assertEquals(1, profiles.forContainer(file.toString(), true, Capabilities.DEFAULTS).syscalls().size(),
        "privileged containers still get an explicit profile");
  }

  @Test
  void badProfiles_areInvalidParameter(@TempDir Path dir) {
    var e = assertThrows(InvalidParameterException.class,
        () -> profiles.forContainer("{not json", false, Capabilities.DEFAULTS));
    assertTrue(e.getMessage().startsWith("Decoding seccomp profile failed: "), e.getMessage());
    e = assertThrows(InvalidParameterException.class,
        () -> profiles.forContainer(dir.resolve("missing.json").toString(), false, Capabilities.DEFAULTS));
    assertTrue(e.getMessage().startsWith("opening seccomp profile ("), e.getMessage());
    e = assertThrows(InvalidParameterException.class, () -> profiles.forContainer(
        "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"architectures\":[\"SCMP_ARCH_X86_64\"],"
            + "\"archMap\":[{\"architecture\":\"SCMP_ARCH_X86_64\"}]}", false, Capabilities.DEFAULTS));
    assertTrue(e.getMessage().contains("use either 'architectures' or 'archMap'"));
  }

  @Test
  void emptyProfile_meansNoFilter() {
    assertNull(profiles.forContainer("{}", false, Capabilities.DEFAULTS));
  }

  @Test
  void kernelVersion_ignoresSuffixes() {
    assertEquals(new KernelVersion(6, 18), KernelVersion.parse("6.18.44-fc-v669\n"));
    assertTrue(KernelVersion.parse("4.8").atLeast(new KernelVersion(4, 8)));
    assertFalse(KernelVersion.parse("3.12-rc5").atLeast(new KernelVersion(4, 8)));
  }
}
