package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * OCI {@code process.rlimits[]} entry, e.g. {@code RLIMIT_NOFILE}. Limits are unsigned 64-bit: {@code -1} here
 * is written as 18446744073709551615 (RLIM_INFINITY).
 */
public record Rlimit(
    @JsonProperty("type") String type,
    @JsonProperty("hard") @JsonSerialize(using = UnsignedLongJson.Writer.class)
        @JsonDeserialize(using = UnsignedLongJson.Reader.class) long hard,
    @JsonProperty("soft") @JsonSerialize(using = UnsignedLongJson.Writer.class)
        @JsonDeserialize(using = UnsignedLongJson.Reader.class) long soft) {}
