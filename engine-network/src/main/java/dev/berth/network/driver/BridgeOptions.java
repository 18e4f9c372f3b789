package dev.berth.network.driver;

import dev.berth.api.errors.InvalidParameterException;
import java.util.Map;

/**
 * The bridge driver's typed options, parsed once from the network's {@code Options} map (dockerd's keys).
 * Unknown keys are kept in the map but ignored here, as dockerd does.
 */
public record BridgeOptions(String bridgeName, boolean enableIcc, boolean enableIpMasquerade,
    String hostBindingIpv4, int mtu) {

  public static final String BRIDGE_NAME = "com.docker.network.bridge.name";
  public static final String ENABLE_ICC = "com.docker.network.bridge.enable_icc";
  public static final String ENABLE_IP_MASQUERADE = "com.docker.network.bridge.enable_ip_masquerade";
  public static final String HOST_BINDING_IPV4 = "com.docker.network.bridge.host_binding_ipv4";
  public static final String MTU = "com.docker.network.driver.mtu";

  /** {@code defaults} supplies daemon-wide values (icc, ip-masq, ip, mtu) for keys the network does not set. */
  public static BridgeOptions parse(Map<String, String> options, BridgeOptions defaults) {
    String name = options.getOrDefault(BRIDGE_NAME, defaults.bridgeName());
    if (name != null && (name.isEmpty() || name.length() > 15 || name.contains("/") || name.contains(" "))) {
      throw new InvalidParameterException("invalid bridge name: " + name);
    }
    return new BridgeOptions(name,
        bool(options, ENABLE_ICC, defaults.enableIcc()),
        bool(options, ENABLE_IP_MASQUERADE, defaults.enableIpMasquerade()),
        options.getOrDefault(HOST_BINDING_IPV4, defaults.hostBindingIpv4()),
        mtu(options, defaults.mtu()));
  }

  private static boolean bool(Map<String, String> options, String key, boolean dflt) {
    String v = options.get(key);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    return switch (v.toLowerCase()) {
      case "true", "1", "t" -> true;
      case "false", "0", "f" -> false;
      default -> throw new InvalidParameterException("failed to parse " + key + " value: invalid syntax");
    };
  }

  private static int mtu(Map<String, String> options, int dflt) {
    String v = options.get(MTU);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      int mtu = Integer.parseInt(v);
      if (mtu < 68) {
        throw new InvalidParameterException("invalid MTU number: " + mtu);
      }
      return mtu;
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid MTU number: " + v);
    }
  }
}
