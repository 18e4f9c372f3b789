package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Docker's {@code network.EndpointIPAMConfig}: static addresses asked for ({@code --ip}); all omitempty. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record EndpointIPAMConfig(
    @JsonProperty("IPv4Address") @JsonInclude(Include.NON_EMPTY) String ipv4Address,
    @JsonProperty("IPv6Address") @JsonInclude(Include.NON_EMPTY) String ipv6Address,
    @JsonProperty("LinkLocalIPs") @JsonInclude(Include.NON_EMPTY) List<String> linkLocalIps) {}
