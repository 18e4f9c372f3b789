package dev.berth.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {

  private static CommandLine parse(String line) {
    return CommandLine.parse(line.isBlank() ? List.of() : Arrays.asList(line.trim().split("\\s+")));
  }

  /** The parsed values as daemon.json would hold them, e.g. {@code {"hosts":["x"]}}. */
  private static String json(String line) {
    StringBuilder sb = new StringBuilder("{");
    parse(line).values().forEach((k, v) -> {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append('"').append(k.key()).append("\":").append(v);
    });
    return sb.append('}').toString();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "''                                                  | {}",
      "-H x -H y                                           | {\"hosts\":[\"x\",\"y\"]}",
      "--host=x                                            | {\"hosts\":[\"x\"]}",
      "--host x --host=y -Hz -H=w                          | {\"hosts\":[\"x\",\"y\",\"z\",\"w\"]}",
      "-Hunix:///tmp/a.sock                                | {\"hosts\":[\"unix:///tmp/a.sock\"]}",
      "-D                                                  | {\"debug\":true}",
      "--debug                                             | {\"debug\":true}",
      "--debug=false                                       | {\"debug\":false}",
      "--debug=true                                        | {\"debug\":true}",
      "--debug=0                                           | {\"debug\":false}",
      "--debug=T                                           | {\"debug\":true}",
      "--tlsverify                                         | {\"tlsverify\":true}",
      "--tls --tlscert /c.pem --tlskey=/k.pem              | {\"tls\":true,\"tlscert\":\"/c.pem\",\"tlskey\":\"/k.pem\"}",
      "--log-opt a=b                                       | {\"log-opts\":{\"a\":\"b\"}}",
      "--log-opt a=b --log-opt c=d=e                       | {\"log-opts\":{\"a\":\"b\",\"c\":\"d=e\"}}",
      "--log-opt a=                                        | {\"log-opts\":{\"a\":\"\"}}",
      "--add-runtime crun=/usr/bin/crun                    | {\"runtimes\":{\"crun\":{\"path\":\"/usr/bin/crun\"}}}",
      "--default-ulimit nofile=1024:2048                   | {\"default-ulimits\":{\"nofile\":{\"Name\":\"nofile\",\"Soft\":1024,\"Hard\":2048}}}",
      "--default-ulimit nproc=512                          | {\"default-ulimits\":{\"nproc\":{\"Name\":\"nproc\",\"Soft\":512,\"Hard\":512}}}",
      "--default-address-pool base=10.0.0.0/8,size=24      | {\"default-address-pools\":[{\"base\":\"10.0.0.0/8\",\"size\":24}]}",
      "--mtu 1400                                          | {\"mtu\":1400}",
      "--mtu=-1                                            | {\"mtu\":-1}",
      "--label a=b --label c                               | {\"labels\":[\"a=b\",\"c\"]}",
      "-l debug -p /run/b.pid -G staff -s vfs -b none      | {\"log-level\":\"debug\",\"pidfile\":\"/run/b.pid\",\"group\":\"staff\",\"storage-driver\":\"vfs\",\"bridge\":\"none\"}",
      "--data-root /d --data-root /e                       | {\"data-root\":\"/e\"}",
      "-H --debug                                          | {\"hosts\":[\"--debug\"]}",
      "--                                                  | {}",
  })
  void parsesFlagsIntoDaemonJsonValues(String line, String expected) {
    assertEquals(expected, json(line));
  }

  @Test
  void controlFlags_areNotConfigValues() {
    CommandLine c = parse("--config-file /etc/x.json --validate");
    assertEquals("/etc/x.json", c.configFile());
    assertTrue(c.validateOnly());
    assertFalse(c.versionOnly());
    assertFalse(c.helpOnly());
    assertTrue(c.values().isEmpty());
    assertEquals("/y.json", parse("--config-file=/y.json").configFile());
    assertNull(parse("-D").configFile());
  }

  @ParameterizedTest
  @CsvSource({"-v", "--version"})
  void version(String flag) {
    assertTrue(parse(flag).versionOnly());
  }

  @ParameterizedTest
  @CsvSource({"-h", "--help"})
  void help(String flag) {
    assertTrue(parse(flag).helpOnly());
  }

  @Test
  void validateFalse() {
    assertFalse(parse("--validate=false").validateOnly());
    assertTrue(parse("--validate=true").validateOnly());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "--bogus                   | unknown flag: --bogus",
      "--host                    | flag needs an argument: --host",
      "--config-file             | flag needs an argument: --config-file",
      "-D --log-level            | flag needs an argument: --log-level",
      "foo                       | berthd takes no positional arguments: foo",
      "-D foo                    | berthd takes no positional arguments: foo",
      "-                         | berthd takes no positional arguments: -",
      "-- foo                    | berthd takes no positional arguments: foo",
      "--debug false             | berthd takes no positional arguments: false",
      "--mtu abc                 | invalid argument \"abc\" for \"--mtu\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax",
      "--shutdown-timeout 1.5    | invalid argument \"1.5\" for \"--shutdown-timeout\" flag: strconv.ParseInt: parsing \"1.5\": invalid syntax",
      "--log-opt novalue         | invalid argument \"novalue\" for \"--log-opt\" flag: expected key=value",
      "--add-runtime =/bin/x     | invalid argument \"=/bin/x\" for \"--add-runtime\" flag: expected key=value",
      "--default-ulimit nofile=x | invalid argument \"nofile=x\" for \"--default-ulimit\" flag",
      "--default-ulimit n=1:y    | invalid argument \"n=1:y\" for \"--default-ulimit\" flag",
      "--default-address-pool x  | invalid address pool: x",
  })
  void rejectsBadCommandLines(String line, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> parse(line));
    assertEquals(message, e.getMessage());
  }

  /** Rejected; the exact text differs from pflag's (see the report), so only the kind is pinned here. */
  @ParameterizedTest
  @CsvSource({"-x", "-H", "--bogus=1", "-Dmaybe"})
  void rejectsShortAndInlineForms(String line) {
    assertThrows(ConfigException.class, () -> parse(line));
  }

  @Test
  void badBool_namesTheValue() {
    ConfigException e = assertThrows(ConfigException.class, () -> parse("--debug=maybe"));
    assertTrue(e.getMessage().startsWith("invalid argument \"maybe\" for \""), e.getMessage());
    assertTrue(e.getMessage().endsWith("strconv.ParseBool: parsing \"maybe\": invalid syntax"), e.getMessage());
  }

  // --- Known bugs (see the report); enable once fixed. ---

  @org.junit.jupiter.api.Disabled("bug: a non-numeric pool size escapes as NumberFormatException")
  @Test
  void badAddressPoolSize_isConfigException() {
    assertThrows(ConfigException.class, () -> parse("--default-address-pool base=10.0.0.0/8,size=abc"));
  }

  @org.junit.jupiter.api.Disabled("bug: with --flag=value the message names \"--mtu=abc\" instead of the flag")
  @Test
  void badInlineInt_namesTheFlagOnly() {
    ConfigException e = assertThrows(ConfigException.class, () -> parse("--mtu=abc"));
    assertEquals("invalid argument \"abc\" for \"--mtu\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax",
        e.getMessage());
  }
}
