package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** OCI {@code process.user}: numeric ids only; names are resolved before the spec is written. */
@JsonInclude(Include.NON_EMPTY)
public record User(
    @JsonProperty("uid") int uid,
    @JsonProperty("gid") int gid,
    @JsonProperty("umask") Integer umask,
    @JsonProperty("additionalGids") List<Integer> additionalGids) {

  public User {
    additionalGids = additionalGids == null ? List.of() : List.copyOf(additionalGids);
  }

  public static final User ROOT = new User(0, 0, null, List.of(0));
}
