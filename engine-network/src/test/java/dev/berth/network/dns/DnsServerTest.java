package dev.berth.network.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.network.ipam.Addresses;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real UDP on loopback in the test's own namespace; the upstream is a fake resolver thread. */
class DnsServerTest {
  private static DnsMessage exchange(InetSocketAddress server, DnsMessage q) throws Exception {
    try (DatagramSocket s = new DatagramSocket()) {
      s.setSoTimeout(3000);
      byte[] b = DnsCodec.encode(q);
      s.send(new DatagramPacket(b, b.length, server));
      byte[] buf = new byte[1500];
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      s.receive(p);
      return DnsCodec.decode(buf, p.getLength());
    }
  }

  @Test
  void answersLocallyAndForwardsTheRest() throws Exception {
    InetAddress lo = InetAddress.getLoopbackAddress();
    try (DatagramSocket upstream = new DatagramSocket(new InetSocketAddress(lo, 0))) {
      Thread fake = Thread.ofVirtual().start(() -> {
        try {
          byte[] buf = new byte[1500];
          DatagramPacket p = new DatagramPacket(buf, buf.length);
          upstream.receive(p);
          DnsMessage q = DnsCodec.decode(buf, p.getLength());
          byte[] r = DnsCodec.encode(q.reply(DnsMessage.NOERROR, List.of(new DnsMessage.Record(
              q.questions().get(0).name(), 1, 1, 30, new byte[] {(byte) 192, 0, 2, 99}))));
          upstream.send(new DatagramPacket(r, r.length, p.getSocketAddress()));
        } catch (Exception ignored) {
          // test ends
        }
      });
      DnsRegistry reg = new DnsRegistry();
      reg.register("sb", "n", "net", false, "e", Addresses.parse("10.251.1.2"), List.of("web"));
      try (DnsServer server = new DnsServer(reg, new DnsForwarder(
          List.of((InetSocketAddress) upstream.getLocalSocketAddress()), 2000))) {
        DatagramChannel ch = DatagramChannel.open().bind(new InetSocketAddress(lo, 0));
        server.attach("sb", ch);
        InetSocketAddress addr = (InetSocketAddress) ch.getLocalAddress();

        DnsMessage local = exchange(addr, DnsMessage.query(1, "web", DnsMessage.TYPE_A));
        assertArrayEquals(new byte[] {10, (byte) 251, 1, 2}, local.answers().get(0).data());

        DnsMessage fwd = exchange(addr, DnsMessage.query(2, "upstream.example", DnsMessage.TYPE_A));
        assertEquals(2, fwd.id());
        assertEquals(30, fwd.answers().get(0).ttl());
        fake.join(2000);

        server.detach("sb");
        assertTrue(!ch.isOpen());
      }
    }
  }

  @Test
  void redirectRuleText() {
    assertEquals("table ip berth_dns\ndelete table ip berth_dns\ntable ip berth_dns {\n\tchain output {\n"
        + "\t\ttype nat hook output priority -100; policy accept;\n"
        + "\t\tip daddr 127.0.0.11 udp dport 53 dnat to 127.0.0.11:40123\n"
        + "\t\tip daddr 127.0.0.11 tcp dport 53 dnat to 127.0.0.11:40124\n\t}\n}\n",
        EmbeddedDns.redirectRules(40123, 40124));
  }

  @Test
  void answersOverTcp() throws Exception {
    DnsRegistry reg = new DnsRegistry();
    reg.register("sb", "n", "net", false, "e", Addresses.parse("10.251.1.7"), List.of("db"));
    try (DnsServer server = new DnsServer(reg, new DnsForwarder(List.of(), 500))) {
      var listener = java.nio.channels.ServerSocketChannel.open()
          .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      server.attachTcp("sb", listener);
      try (var s = new java.net.Socket()) {
        s.connect(listener.getLocalAddress(), 2000);
        s.setSoTimeout(3000);
        var out = new java.io.DataOutputStream(s.getOutputStream());
        var in = new java.io.DataInputStream(s.getInputStream());
        for (int id = 1; id <= 2; id++) { // two queries on one connection
          byte[] q = DnsCodec.encode(DnsMessage.query(id, id == 1 ? "db" : "nowhere.example", DnsMessage.TYPE_A));
          out.writeShort(q.length);
          out.write(q);
          out.flush();
          byte[] r = in.readNBytes(in.readUnsignedShort());
          DnsMessage m = DnsCodec.decode(r, r.length);
          assertEquals(id, m.id());
          assertEquals(id == 1 ? DnsMessage.NOERROR : DnsMessage.SERVFAIL, m.rcode());
        }
      }
      server.detach("sb");
      assertTrue(!listener.isOpen());
    }
  }
}
