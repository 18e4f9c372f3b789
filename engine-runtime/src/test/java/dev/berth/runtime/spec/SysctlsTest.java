package dev.berth.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.InvalidParameterException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SysctlsTest {
  private static final NamespaceMode PRIV = NamespaceMode.privateNs();
  private static final NamespaceMode HOST = NamespaceMode.host();
  private static final NamespaceMode NETNS = NamespaceMode.path("/run/netns/abc");
  private static final NamespaceMode OTHER = NamespaceMode.container(42, "net");

  static Stream<Arguments> allowed() {
    return Stream.of(
        Arguments.of("net.ipv4.ip_forward", PRIV, PRIV, PRIV),
        Arguments.of("net.core.somaxconn", NETNS, HOST, HOST),
        Arguments.of("net.ipv4.ping_group_range", OTHER, PRIV, PRIV),
        Arguments.of("net/ipv4/conf/eth0.100/rp_filter", PRIV, PRIV, PRIV),
        Arguments.of("kernel.shmmax", HOST, PRIV, PRIV),
        Arguments.of("kernel.msgmnb", HOST, NamespaceMode.container(7, "ipc"), PRIV),
        Arguments.of("fs.mqueue.msg_max", HOST, PRIV, HOST),
        Arguments.of("kernel.domainname", HOST, HOST, PRIV));
  }

  @ParameterizedTest
  @MethodSource("allowed")
  void namespacedSysctls_areAllowed(String name, NamespaceMode net, NamespaceMode ipc, NamespaceMode uts) {
    assertDoesNotThrow(() -> Sysctls.validate(Map.of(name, "1"), net, ipc, uts));
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of("net.ipv4.ip_forward", HOST, PRIV, PRIV,
            "sysctl \"net.ipv4.ip_forward\" not allowed in host network namespace"),
        Arguments.of("kernel.shmmax", PRIV, HOST, PRIV,
            "sysctl \"kernel.shmmax\" is not allowed in the hosts ipc namespace"),
        Arguments.of("fs.mqueue.queues_max", PRIV, HOST, PRIV,
            "sysctl \"fs.mqueue.queues_max\" is not allowed in the hosts ipc namespace"),
        Arguments.of("vm.max_map_count", PRIV, PRIV, PRIV,
            "sysctl \"vm.max_map_count\" is not in a separate kernel namespace"),
        Arguments.of("kernel.pid_max", PRIV, PRIV, PRIV,
            "sysctl \"kernel.pid_max\" is not in a separate kernel namespace"),
        Arguments.of("kernel.domainname", PRIV, PRIV, HOST,
            "sysctl \"kernel.domainname\" is not in a separate kernel namespace"),
        Arguments.of("kernel.hostname", PRIV, PRIV, PRIV,
            "sysctl \"kernel.hostname\" is not allowed as it conflicts with the OCI \"hostname\" field"));
  }

  @ParameterizedTest
  @MethodSource("rejected")
  void otherSysctls_areInvalidParameter(
      String name, NamespaceMode net, NamespaceMode ipc, NamespaceMode uts, String message) {
    var e = assertThrows(InvalidParameterException.class, () -> Sysctls.validate(Map.of(name, "1"), net, ipc, uts));
    assertEquals(message, e.getMessage());
  }
}
