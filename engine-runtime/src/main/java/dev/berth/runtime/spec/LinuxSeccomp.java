package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/** OCI {@code linux.seccomp}: a filter already specialised for this host's arch, kernel and the container's caps. */
@JsonInclude(Include.NON_EMPTY)
public record LinuxSeccomp(
    @JsonProperty("defaultAction") String defaultAction,
    @JsonProperty("defaultErrnoRet") Integer defaultErrnoRet,
    @JsonProperty("architectures") List<String> architectures,
    @JsonProperty("flags") List<String> flags,
    @JsonProperty("syscalls") List<Syscall> syscalls) {

  public LinuxSeccomp {
    architectures = architectures == null ? List.of() : List.copyOf(architectures);
    flags = flags == null ? List.of() : List.copyOf(flags);
    syscalls = syscalls == null ? List.of() : List.copyOf(syscalls);
  }

  /** One rule: an action for a set of syscalls, optionally only when the arguments match. */
  @JsonInclude(Include.NON_EMPTY)
  public record Syscall(
      @JsonProperty("names") List<String> names,
      @JsonProperty("action") String action,
      @JsonProperty("errnoRet") Integer errnoRet,
      @JsonProperty("args") List<Arg> args) {

    public Syscall {
      names = names == null ? List.of() : List.copyOf(names);
      args = args == null ? List.of() : List.copyOf(args);
    }
  }

  /** An argument comparison, e.g. index 0 {@code SCMP_CMP_EQ} 8. Values are unsigned 64-bit. */
  @JsonInclude(Include.NON_DEFAULT)
  public record Arg(
      @JsonProperty("index") @JsonInclude(Include.ALWAYS) int index,
      @JsonProperty("value") @JsonInclude(Include.ALWAYS) @JsonSerialize(using = UnsignedLongJson.Writer.class)
          @JsonDeserialize(using = UnsignedLongJson.Reader.class) long value,
      @JsonProperty("valueTwo") @JsonSerialize(using = UnsignedLongJson.Writer.class)
          @JsonDeserialize(using = UnsignedLongJson.Reader.class) long valueTwo,
      @JsonProperty("op") @JsonInclude(Include.ALWAYS) String op) {}
}
