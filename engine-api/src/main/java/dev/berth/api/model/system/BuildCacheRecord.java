package dev.berth.api.model.system;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One build-cache record of {@code GET /system/df} (Go {@code build.CacheRecord}, swagger {@code BuildCache}).
 * {@code CreatedAt} is RFC 3339 nano; {@code LastUsedAt} is a Go pointer ({@code null} when never used).
 *
 * <p>Quirk kept on purpose: Go's struct tag for {@code Parents} is {@code json:" Parents,omitempty"}, so dockerd
 * and the docker CLI spell the key with a leading space. It is written that way here; {@code "Parents"} is
 * accepted on input too. {@code Parent} (deprecated) is {@code omitempty}.
 */
public record BuildCacheRecord(
    @JsonProperty("ID") String id,
    @JsonProperty("Parent") @JsonInclude(Include.NON_EMPTY) String parent,
    @JsonProperty(" Parents") @JsonAlias("Parents") @JsonInclude(Include.NON_EMPTY) List<String> parents,
    @JsonProperty("Type") String type,
    @JsonProperty("Description") String description,
    @JsonProperty("InUse") boolean inUse,
    @JsonProperty("Shared") boolean shared,
    @JsonProperty("Size") long size,
    @JsonProperty("CreatedAt") String createdAt,
    @JsonProperty("LastUsedAt") String lastUsedAt,
    @JsonProperty("UsageCount") int usageCount) {}
