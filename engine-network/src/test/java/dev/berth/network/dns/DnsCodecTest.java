package dev.berth.network.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsCodecTest {
  @Test
  void queryEncodesLikeTheWire() {
    byte[] b = DnsCodec.encode(DnsMessage.query(0x1234, "web.example", DnsMessage.TYPE_A));
    assertEquals("123401000001000000000000" + "03776562076578616d706c6500" + "00010001",
        HexFormat.of().formatHex(b));
  }

  @Test
  void roundTripWithAnswers() throws Exception {
    DnsMessage q = DnsMessage.query(7, "db", DnsMessage.TYPE_A);
    DnsMessage r = q.reply(DnsMessage.NOERROR, List.of(
        new DnsMessage.Record("db", DnsMessage.TYPE_A, DnsMessage.CLASS_IN, 600, new byte[] {10, (byte) 251, 1, 3})));
    byte[] wire = DnsCodec.encode(r);
    DnsMessage back = DnsCodec.decode(wire, wire.length);
    assertEquals(7, back.id());
    assertTrue(back.response());
    assertTrue(back.recursionDesired());
    assertTrue(back.recursionAvailable());
    assertEquals(List.of(new DnsMessage.Question("db", 1, 1)), back.questions());
    assertEquals(600, back.answers().get(0).ttl());
    assertArrayEquals(new byte[] {10, (byte) 251, 1, 3}, back.answers().get(0).data());
  }

  @Test
  void followsCompressionPointersAndLowercases() throws Exception {
    // header: id 1, response, 1 question, 1 answer; question WEB.x A IN; answer name = pointer to offset 12
    String hex = "000181800001000100000000" + "03574542017800" + "00010001"
        + "c00c" + "00010001" + "0000003c" + "0004" + "0afb0102";
    byte[] b = HexFormat.of().parseHex(hex);
    DnsMessage m = DnsCodec.decode(b, b.length);
    assertEquals("web.x", m.questions().get(0).name());
    assertEquals("web.x", m.answers().get(0).name());
    assertEquals(60, m.answers().get(0).ttl());
  }

  @Test
  void malformedMessagesAreRejected() {
    byte[] truncated = HexFormat.of().parseHex("0001010000010000000000000377");
    assertThrows(DnsCodec.MalformedException.class, () -> DnsCodec.decode(truncated, truncated.length));
    byte[] loop = HexFormat.of().parseHex("000101000001000000000000c00c00010001");
    assertThrows(DnsCodec.MalformedException.class, () -> DnsCodec.decode(loop, loop.length));
    assertEquals(1, DnsCodec.peekId(truncated, truncated.length));
  }
}
