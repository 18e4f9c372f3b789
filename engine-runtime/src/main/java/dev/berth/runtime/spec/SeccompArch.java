package dev.berth.runtime.spec;

import java.util.Locale;
import java.util.Map;

/** Architecture names: the JVM's {@code os.arch}, libseccomp's native names and {@code SCMP_ARCH_*}. */
public final class SeccompArch {
  private static final Map<String, String> JVM_TO_NATIVE = Map.of(
      "amd64", "amd64", "x86_64", "amd64", "aarch64", "arm64", "arm64", "arm64", "x86", "x86", "i386", "x86",
      "s390x", "s390x", "ppc64le", "ppc64le", "riscv64", "riscv64", "loongarch64", "loong64");
  private static final Map<String, String> NATIVE_TO_SCMP = Map.ofEntries(
      Map.entry("x86", "SCMP_ARCH_X86"), Map.entry("amd64", "SCMP_ARCH_X86_64"), Map.entry("arm", "SCMP_ARCH_ARM"),
      Map.entry("arm64", "SCMP_ARCH_AARCH64"), Map.entry("loong64", "SCMP_ARCH_LOONGARCH64"),
      Map.entry("ppc64le", "SCMP_ARCH_PPC64LE"), Map.entry("riscv64", "SCMP_ARCH_RISCV64"),
      Map.entry("s390", "SCMP_ARCH_S390"), Map.entry("s390x", "SCMP_ARCH_S390X"));

  private SeccompArch() {}

  /** libseccomp's name for the machine this JVM runs on, e.g. {@code amd64}. */
  public static String nativeName() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return JVM_TO_NATIVE.getOrDefault(arch, arch);
  }

  /** {@code amd64} → {@code SCMP_ARCH_X86_64}; empty when unknown. */
  public static String scmpName(String nativeName) {
    return NATIVE_TO_SCMP.getOrDefault(nativeName, "");
  }
}
