package dev.berth.daemon.network;

import dev.berth.api.errors.ForbiddenException;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.model.network.NetworkCreateRequest;
import dev.berth.network.IpamConfig;
import dev.berth.network.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /networks/create} bodies into the network module's request: moby's {@code ValidateIPAM} messages,
 * {@code EnableIPv6} from the field or the {@code com.docker.network.enable_ipv6} option.
 */
final class CreateRequests {
  static final String ENABLE_IPV6 = "com.docker.network.enable_ipv6";

  private CreateRequests() {}

  static dev.berth.network.NetworkCreateRequest toDomain(NetworkCreateRequest req) {
    String name = req.name() == null ? "" : req.name();
    if (name.equals(Network.DEFAULT_BRIDGE) || name.equals(Network.HOST) || name.equals(Network.NONE)) {
      throw new ForbiddenException("operation is not permitted on predefined " + name + " network ");
    }
    if (name.isBlank()) {
      throw new InvalidParameterException("invalid name: name is empty");
    }
    Map<String, String> options = new LinkedHashMap<>(req.options() == null ? Map.of() : req.options());
    boolean ipv6 = false;
    if (req.enableIpv6() != null) {
      ipv6 = req.enableIpv6();
      options.remove(ENABLE_IPV6); // dockerd drops the conflicting option so inspect does not show it
    } else if (options.containsKey(ENABLE_IPV6)) {
      ipv6 = switch (options.get(ENABLE_IPV6)) {
        case "1", "t", "T", "TRUE", "true", "True" -> true;
        case "0", "f", "F", "FALSE", "false", "False" -> false;
        default -> throw new InvalidParameterException("driver-opt \"" + ENABLE_IPV6 + "\" is not a valid bool");
      };
    }
    List<dev.berth.api.model.network.IpamConfig> wire = req.ipam() == null || req.ipam().config() == null
        ? List.of() : req.ipam().config();
    validate(wire, ipv6);
    List<IpamConfig> ipam = new ArrayList<>();
    for (var c : wire) {
      ipam.add(new IpamConfig(emptyToNull(c.subnet()), emptyToNull(c.ipRange()), emptyToNull(c.gateway()),
          c.auxiliaryAddresses()));
    }
    return new dev.berth.network.NetworkCreateRequest(req.name(), emptyToNull(req.driver()), req.internal(),
        req.attachable(), ipv6, ipam, options, req.labels(), req.ipam() == null ? null : req.ipam().options());
  }

  /** moby {@code network.ValidateIPAM}: every problem, one per line. */
  static void validate(List<dev.berth.api.model.network.IpamConfig> configs, boolean ipv6) {
    List<String> errs = new ArrayList<>();
    for (var c : configs) {
      Cidr subnet = Cidr.parse(c.subnet());
      if (subnet == null) {
        errs.add("invalid subnet " + nn(c.subnet()) + ": invalid CIDR block notation");
        continue;
      }
      if (subnet.ipv6() && !ipv6) {
        continue;
      }
      if (!subnet.isMasked()) {
        errs.add("invalid subnet " + subnet + ": it should be " + subnet.masked());
      }
      errs.addAll(ipRangeErrors(c.ipRange(), subnet));
      String gw = addressError(c.gateway(), subnet);
      if (gw != null) {
        errs.add("invalid gateway " + c.gateway() + ": " + gw);
      }
      if (c.auxiliaryAddresses() != null) {
        c.auxiliaryAddresses().forEach((name, addr) -> {
          String e = addressError(addr, subnet);
          if (e != null) {
            errs.add("invalid auxiliary address " + name + ": " + e);
          }
        });
      }
    }
    if (!errs.isEmpty()) {
      throw new InvalidParameterException("invalid network config:\n" + Cidr.joinErrors(errs));
    }
  }

  private static List<String> ipRangeErrors(String ipRange, Cidr subnet) {
    if (ipRange == null || ipRange.isEmpty()) {
      return List.of();
    }
    Cidr range = Cidr.parse(ipRange);
    if (range == null) {
      return List.of("invalid ip-range " + ipRange + ": invalid CIDR block notation");
    }
    if (range.ipv6() != subnet.ipv6()) {
      return List.of("invalid ip-range " + ipRange + ": parent subnet is an " + subnet.family() + " block");
    }
    List<String> errs = new ArrayList<>();
    if (range.bits() < subnet.bits()) {
      errs.add("invalid ip-range " + ipRange + ": CIDR block is bigger than its parent subnet " + subnet);
    }
    if (!range.isMasked()) {
      errs.add("invalid ip-range " + range + ": it should be " + range.masked());
    }
    if (!subnet.overlaps(range)) {
      errs.add("invalid ip-range " + ipRange + ": parent subnet " + subnet + " doesn't contain ip-range");
    }
    return errs;
  }

  private static String addressError(String address, Cidr subnet) {
    if (address == null || address.isEmpty()) {
      return null;
    }
    Cidr a = Cidr.parse(address + (address.contains(":") ? "/128" : "/32"));
    if (a == null) {
      return "invalid address";
    }
    if (a.ipv6() != subnet.ipv6()) {
      return "parent subnet is an " + subnet.family() + " block";
    }
    if (!subnet.contains(a)) {
      return "parent subnet " + subnet + " doesn't contain this address";
    }
    return null;
  }

  private static String nn(String s) {
    return s == null ? "" : s;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
