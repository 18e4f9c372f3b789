package dev.berth.storage.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoDnsErrorsTest {
  @Test
  void namesTheFirstNameserver_asGoDoes(@TempDir Path dir) throws IOException {
    Path conf = dir.resolve("resolv.conf");
    Files.writeString(conf, "# x\nsearch lan\nnameserver 10.255.255.53\nnameserver 1.1.1.1\n");
    assertEquals("lookup r.example on 10.255.255.53:53: no such host", GoDnsErrors.noSuchHost("r.example", conf));
    Files.writeString(conf, "nameserver fd00::53\n");
    assertEquals("lookup r.example on [fd00::53]:53: no such host", GoDnsErrors.noSuchHost("r.example", conf));
    assertEquals("lookup r.example on 127.0.0.1:53: no such host",
        GoDnsErrors.noSuchHost("r.example", dir.resolve("missing")));
  }
}
