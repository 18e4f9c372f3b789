package dev.berth.api.model.network;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Body of {@code POST /networks/create} (Go {@code network.CreateRequest} = {@code CreateOptions} + {@code Name}
 * + the deprecated {@code CheckDuplicate}). {@code EnableIPv4}/{@code EnableIPv6} are pointers: {@code null}
 * means "daemon default". {@code IPAM} and {@code ConfigFrom} may be {@code null}. Read leniently.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record NetworkCreateRequest(
    @JsonProperty("Name") String name,
    @JsonProperty("CheckDuplicate") @JsonInclude(Include.NON_NULL) Boolean checkDuplicate,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Scope") String scope,
    @JsonProperty("EnableIPv4") @JsonInclude(Include.NON_NULL) Boolean enableIpv4,
    @JsonProperty("EnableIPv6") @JsonInclude(Include.NON_NULL) Boolean enableIpv6,
    @JsonProperty("IPAM") Ipam ipam,
    @JsonProperty("Internal") boolean internal,
    @JsonProperty("Attachable") boolean attachable,
    @JsonProperty("Ingress") boolean ingress,
    @JsonProperty("ConfigOnly") boolean configOnly,
    @JsonProperty("ConfigFrom") ConfigReference configFrom,
    @JsonProperty("Options") Map<String, String> options,
    @JsonProperty("Labels") Map<String, String> labels) {}
