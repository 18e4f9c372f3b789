package dev.berth.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinksTest {
  @Test
  void parse_nameAlias_bareName_andInspectForm() {
    assertEquals(new Links.Link("db", "al"), Links.parse("db:al"));
    assertEquals(new Links.Link("db", "db"), Links.parse("db"));
    assertEquals(new Links.Link("db", "al"), Links.parse("/db:/web/al"));
    assertThrows(InvalidParameterException.class, () -> Links.parse("a:b:c"));
    assertThrows(InvalidParameterException.class, () -> Links.parse(""));
  }

  @Test
  void inspectForm_slashesBothNames() {
    assertEquals("/db:/web/al", Links.inspectForm("/db", "/web", "al"));
    assertEquals("/db:/web/al", Links.inspectForm("db", "web", "al"));
  }

  @Test
  void env_onePort_nameAndChildEnvWithoutHomeAndPath() {
    assertEquals(List.of("MY_DB_PORT=tcp://10.0.0.2:80", "MY_DB_PORT_80_TCP=tcp://10.0.0.2:80",
        "MY_DB_PORT_80_TCP_ADDR=10.0.0.2", "MY_DB_PORT_80_TCP_PORT=80", "MY_DB_PORT_80_TCP_PROTO=tcp",
        "MY_DB_NAME=/web/my-db", "MY_DB_ENV_FOO=bar"),
        Links.env("/web/my-db", "10.0.0.2", List.of("PATH=/bin", "HOME=/root", "FOO=bar", "BARE"), List.of("80/tcp")));
  }

  @Test
  void env_tcpFirst_consecutivePortsAlsoAsRange() {
    List<String> env = Links.env("/p/a", "1.2.3.4", List.of(), List.of("53/udp", "81/tcp", "80/tcp"));
    assertEquals(List.of("A_PORT=tcp://1.2.3.4:80",
        "A_PORT_80_TCP=tcp://1.2.3.4:80", "A_PORT_80_TCP_ADDR=1.2.3.4", "A_PORT_80_TCP_PORT=80",
        "A_PORT_80_TCP_PROTO=tcp",
        "A_PORT_81_TCP=tcp://1.2.3.4:81", "A_PORT_81_TCP_ADDR=1.2.3.4", "A_PORT_81_TCP_PORT=81",
        "A_PORT_81_TCP_PROTO=tcp",
        "A_PORT_53_UDP=udp://1.2.3.4:53", "A_PORT_53_UDP_ADDR=1.2.3.4", "A_PORT_53_UDP_PORT=53",
        "A_PORT_53_UDP_PROTO=udp",
        "A_PORT_80_TCP_START=tcp://1.2.3.4:80", "A_PORT_80_TCP_PORT_START=80", "A_PORT_80_TCP_END=tcp://1.2.3.4:81",
        "A_PORT_80_TCP_PORT_END=81",
        "A_NAME=/p/a"), env);
  }
}
