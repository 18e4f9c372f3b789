package dev.berth.runtime.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses and specialises a container's seccomp filter (moby {@code WithSeccomp} + profiles
 * {@code setupSeccomp}). Profiles are data: the built-in one is {@code seccomp-default.json} next to this class.
 */
public final class SeccompProfiles {
  public static final String UNCONFINED = "unconfined";
  public static final String BUILTIN = "builtin";
  private static final String RESOURCE = "seccomp-default.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static volatile SeccompProfile builtin;

  private final String daemonProfile;
  private final String nativeArch;
  private final KernelVersion kernel;

  /**
   * @param daemonProfile the daemon's {@code seccomp-profile} setting: null/{@code builtin} for the built-in
   *     profile, {@code unconfined}, or a profile's JSON or path
   * @param nativeArch libseccomp's name for this machine ({@link SeccompArch#nativeName()})
   */
  public SeccompProfiles(String daemonProfile, String nativeArch, KernelVersion kernel) {
    this.daemonProfile = daemonProfile;
    this.nativeArch = nativeArch;
    this.kernel = kernel;
  }

  /**
   * The filter for a container, or null for none.
   *
   * @param option the container's {@code seccomp=} security option, or null
   * @param boundingCaps the container's bounding set; capability-conditional rules depend on it
   */
  public LinuxSeccomp forContainer(String option, boolean privileged, List<String> boundingCaps) {
    if (UNCONFINED.equals(option)) {
      return null;
    }
    if (privileged) {
      return option == null ? null : specialise(load(option), boundingCaps);
    }
    String chosen = option != null ? option : daemonProfile;
    if (UNCONFINED.equals(chosen)) {
      return null;
    }
    return specialise(chosen == null ? builtin() : load(chosen), boundingCaps);
  }

  /** Resolves arch, capability and kernel conditions into a plain OCI filter. */
  public LinuxSeccomp specialise(SeccompProfile p, List<String> boundingCaps) {
    if ((p.defaultAction() == null || p.defaultAction().isEmpty()) && p.syscalls().isEmpty()) {
      return null;
    }
    if (!p.architectures().isEmpty() && !p.archMap().isEmpty()) {
      throw new InvalidParameterException("both 'architectures' and 'archMap' are specified in the seccomp "
          + "profile, use either 'architectures' or 'archMap'");
    }
    List<String> arches = new ArrayList<>(p.architectures());
    String scmpArch = SeccompArch.scmpName(nativeArch);
    for (SeccompProfile.ArchMap a : p.archMap()) {
      if (a.architecture().equals(scmpArch)) {
        arches.add(a.architecture());
        arches.addAll(a.subArchitectures());
        break;
      }
    }
    List<LinuxSeccomp.Syscall> calls = new ArrayList<>();
    for (SeccompProfile.Rule r : p.syscalls()) {
      List<String> names = r.names();
      if (r.name() != null && !r.name().isEmpty()) {
        if (!names.isEmpty()) {
          throw new InvalidParameterException("both 'name' and 'names' are specified in the seccomp profile, "
              + "use either 'name' or 'names'");
        }
        names = List.of(r.name());
      }
      if (applies(r, boundingCaps)) {
        calls.add(new LinuxSeccomp.Syscall(names, r.action(), r.errnoRet(), r.args()));
      }
    }
    return new LinuxSeccomp(p.defaultAction(), p.defaultErrnoRet(), arches, p.flags(), calls);
  }

  private boolean applies(SeccompProfile.Rule r, List<String> caps) {
    SeccompProfile.Filter ex = r.excludes();
    if (ex != null) {
      if (ex.arches().contains(nativeArch) || ex.caps().stream().anyMatch(caps::contains)) {
        return false;
      }
      if (ex.minKernel() != null && !ex.minKernel().isEmpty() && kernel.atLeast(KernelVersion.parse(ex.minKernel()))) {
        return false;
      }
    }
    SeccompProfile.Filter in = r.includes();
    if (in != null) {
      if (!in.arches().isEmpty() && !in.arches().contains(nativeArch)) {
        return false;
      }
      if (!caps.containsAll(in.caps())) {
        return false;
      }
      if (in.minKernel() != null && !in.minKernel().isEmpty() && !kernel.atLeast(KernelVersion.parse(in.minKernel()))) {
        return false;
      }
    }
    return true;
  }

  /** The built-in profile (dockerd's default), read once from the classpath. */
  public static SeccompProfile builtin() {
    SeccompProfile p = builtin;
    if (p == null) {
      try (InputStream in = SeccompProfiles.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new SystemException("built-in seccomp profile " + RESOURCE + " is missing from the classpath");
        }
        p = MAPPER.readValue(in, SeccompProfile.class);
      } catch (IOException e) {
        throw new SystemException("cannot read built-in seccomp profile", e);
      }
      builtin = p;
    }
    return p;
  }

  /** A {@code seccomp=} value: {@code builtin}, a JSON document (what the docker CLI sends) or a file path. */
  public static SeccompProfile load(String value) {
    if (BUILTIN.equals(value)) {
      return builtin();
    }
    if (value.stripLeading().startsWith("{")) {
      return parse(value);
    }
    try {
      return parse(Files.readString(Path.of(value)));
    } catch (IOException e) {
      throw new InvalidParameterException("opening seccomp profile (" + value + ") failed: " + e.getMessage(), e);
    }
  }

  /** Parses a Docker or OCI profile document. */
  public static SeccompProfile parse(String json) {
    try {
      return MAPPER.readValue(json, SeccompProfile.class);
    } catch (JsonProcessingException e) {
      throw new InvalidParameterException("Decoding seccomp profile failed: " + e.getOriginalMessage(), e);
    }
  }
}
