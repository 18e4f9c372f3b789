package dev.berth.api.model.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A network as {@code GET /networks} and {@code GET /networks/{id}} return it (Go {@code network.Inspect} =
 * {@code network.Summary}, swagger {@code Network}). {@code Created} is RFC 3339 nano. {@code IPAM} and
 * {@code ConfigFrom} are Go values, never {@code null}. {@code Containers} is {@code {}} in inspect and in the
 * list (which dockerd leaves empty); only {@code Peers} and {@code Services} (swarm) are {@code omitempty}.
 */
public record NetworkResource(
    @JsonProperty("Name") String name,
    @JsonProperty("Id") String id,
    @JsonProperty("Created") String created,
    @JsonProperty("Scope") String scope,
    @JsonProperty("Driver") String driver,
    @JsonProperty("EnableIPv4") boolean enableIpv4,
    @JsonProperty("EnableIPv6") boolean enableIpv6,
    @JsonProperty("IPAM") Ipam ipam,
    @JsonProperty("Internal") boolean internal,
    @JsonProperty("Attachable") boolean attachable,
    @JsonProperty("Ingress") boolean ingress,
    @JsonProperty("ConfigFrom") ConfigReference configFrom,
    @JsonProperty("ConfigOnly") boolean configOnly,
    @JsonProperty("Containers") Map<String, EndpointResource> containers,
    @JsonProperty("Options") Map<String, String> options,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("Peers") @JsonInclude(Include.NON_EMPTY) List<PeerInfo> peers,
    @JsonProperty("Services") @JsonInclude(Include.NON_EMPTY) Map<String, Object> services) {

  public NetworkResource {
    ipam = ipam == null ? Ipam.empty() : ipam;
    configFrom = configFrom == null ? ConfigReference.none() : configFrom;
  }

  /**
   * A container's endpoint on this network (Go {@code network.EndpointResource}, swagger
   * {@code NetworkContainer}). Addresses are in CIDR form ({@code "172.17.0.2/16"}), empty when absent.
   */
  public record EndpointResource(
      @JsonProperty("Name") String name,
      @JsonProperty("EndpointID") String endpointId,
      @JsonProperty("MacAddress") String macAddress,
      @JsonProperty("IPv4Address") String ipv4Address,
      @JsonProperty("IPv6Address") String ipv6Address) {}

  /** A swarm peer of an overlay network (Go {@code network.PeerInfo}). */
  public record PeerInfo(@JsonProperty("Name") String name, @JsonProperty("IP") String ip) {}
}
