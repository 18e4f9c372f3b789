package dev.berth.network.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;

/**
 * Relays a query to the upstream resolvers in order, from the daemon's own namespace (so host-loopback resolvers
 * such as systemd-resolved's 127.0.0.53 work, as in dockerd 25+). Blocking: call it on a virtual thread.
 */
public final class DnsForwarder {
  private final List<InetSocketAddress> servers;
  private final int timeoutMillis;

  public DnsForwarder(List<InetSocketAddress> servers, int timeoutMillis) {
    this.servers = List.copyOf(servers);
    this.timeoutMillis = timeoutMillis;
  }

  public List<InetSocketAddress> servers() {
    return servers;
  }

  /** The first upstream reply whose id matches, or null when every server failed or timed out. */
  public byte[] forward(byte[] query, int len) {
    int id = DnsCodec.peekId(query, len);
    for (InetSocketAddress server : servers) {
      try (DatagramSocket s = new DatagramSocket()) {
        s.setSoTimeout(timeoutMillis);
        s.connect(server);
        s.send(new DatagramPacket(query, len));
        byte[] buf = new byte[4096];
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (System.nanoTime() < deadline) {
          DatagramPacket p = new DatagramPacket(buf, buf.length);
          s.receive(p);
          if (DnsCodec.peekId(buf, p.getLength()) == id) {
            return java.util.Arrays.copyOf(buf, p.getLength());
          }
        }
      } catch (SocketTimeoutException e) {
        // next server
      } catch (IOException e) {
        // unreachable: next server
      }
    }
    return null;
  }

  /** The same over TCP (for truncated answers): the first server that answers, or null. */
  public byte[] forwardTcp(byte[] query) {
    for (InetSocketAddress server : servers) {
      try (java.net.Socket s = new java.net.Socket()) {
        s.connect(server, timeoutMillis);
        s.setSoTimeout(timeoutMillis);
        var out = new java.io.DataOutputStream(s.getOutputStream());
        out.writeShort(query.length);
        out.write(query);
        out.flush();
        var in = new java.io.DataInputStream(s.getInputStream());
        return in.readNBytes(in.readUnsignedShort());
      } catch (IOException e) {
        // next server
      }
    }
    return null;
  }
}
