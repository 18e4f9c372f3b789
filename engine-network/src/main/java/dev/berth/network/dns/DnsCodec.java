package dev.berth.network.dns;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Encodes and decodes {@link DnsMessage}s. Decoding follows compression pointers; encoding never compresses. */
public final class DnsCodec {
  private static final int MAX_POINTERS = 32;

  private DnsCodec() {}

  /** Thrown for a message that cannot be parsed (answered with FORMERR when the id could be read). */
  public static final class MalformedException extends Exception {
    public MalformedException(String message) {
      super(message);
    }
  }

  public static DnsMessage decode(byte[] buf, int len) throws MalformedException {
    ByteBuffer b = ByteBuffer.wrap(buf, 0, len);
    try {
      int id = b.getShort() & 0xffff;
      int flags = b.getShort() & 0xffff;
      int qd = b.getShort() & 0xffff;
      int an = b.getShort() & 0xffff;
      b.getShort(); // NS
      b.getShort(); // AR
      List<DnsMessage.Question> qs = new ArrayList<>();
      for (int i = 0; i < qd; i++) {
        String name = readName(buf, b, len);
        qs.add(new DnsMessage.Question(name, b.getShort() & 0xffff, b.getShort() & 0xffff));
      }
      List<DnsMessage.Record> rs = new ArrayList<>();
      for (int i = 0; i < an; i++) {
        String name = readName(buf, b, len);
        int type = b.getShort() & 0xffff;
        int cls = b.getShort() & 0xffff;
        long ttl = b.getInt() & 0xffffffffL;
        int rdlen = b.getShort() & 0xffff;
        byte[] data = new byte[rdlen];
        b.get(data);
        rs.add(new DnsMessage.Record(name, type, cls, ttl, data));
      }
      return new DnsMessage(id, (flags & 0x8000) != 0, (flags >> 11) & 0xf, (flags & 0x0400) != 0,
          (flags & 0x0200) != 0, (flags & 0x0100) != 0, (flags & 0x0080) != 0, flags & 0xf, qs, rs);
    } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
      throw new MalformedException("truncated DNS message");
    }
  }

  public static byte[] encode(DnsMessage m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    short16(out, m.id());
    int flags = (m.response() ? 0x8000 : 0) | (m.opcode() & 0xf) << 11 | (m.authoritative() ? 0x0400 : 0)
        | (m.truncated() ? 0x0200 : 0) | (m.recursionDesired() ? 0x0100 : 0)
        | (m.recursionAvailable() ? 0x0080 : 0) | (m.rcode() & 0xf);
    short16(out, flags);
    short16(out, m.questions().size());
    short16(out, m.answers().size());
    short16(out, 0);
    short16(out, 0);
    for (DnsMessage.Question q : m.questions()) {
      writeName(out, q.name());
      short16(out, q.type());
      short16(out, q.qclass());
    }
    for (DnsMessage.Record r : m.answers()) {
      writeName(out, r.name());
      short16(out, r.type());
      short16(out, r.rclass());
      short16(out, (int) (r.ttl() >>> 16));
      short16(out, (int) r.ttl());
      short16(out, r.data().length);
      out.writeBytes(r.data());
    }
    return out.toByteArray();
  }

  /** A name in wire format (for PTR RDATA). */
  public static byte[] encodeName(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeName(out, name);
    return out.toByteArray();
  }

  /** The query id of a message too broken to decode, or -1. */
  public static int peekId(byte[] buf, int len) {
    return len >= 2 ? ((buf[0] & 0xff) << 8) | (buf[1] & 0xff) : -1;
  }

  private static String readName(byte[] buf, ByteBuffer b, int len) throws MalformedException {
    StringBuilder sb = new StringBuilder();
    int pos = b.position();
    int resumeAt = -1;
    for (int jumps = 0; ; ) {
      if (pos >= len) {
        throw new MalformedException("name runs past the message");
      }
      int l = buf[pos] & 0xff;
      if ((l & 0xc0) == 0xc0) {
        if (pos + 1 >= len || ++jumps > MAX_POINTERS) {
          throw new MalformedException("bad compression pointer");
        }
        if (resumeAt < 0) {
          resumeAt = pos + 2;
        }
        pos = ((l & 0x3f) << 8) | (buf[pos + 1] & 0xff);
        continue;
      }
      if (l == 0) {
        pos++;
        break;
      }
      if ((l & 0xc0) != 0 || pos + 1 + l > len) {
        throw new MalformedException("bad label");
      }
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(new String(buf, pos + 1, l, StandardCharsets.ISO_8859_1));
      pos += 1 + l;
    }
    b.position(resumeAt >= 0 ? resumeAt : pos);
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  private static void writeName(ByteArrayOutputStream out, String name) {
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (!n.isEmpty()) {
      for (String label : n.split("\\.")) {
        byte[] bytes = label.getBytes(StandardCharsets.ISO_8859_1);
        out.write(Math.min(bytes.length, 63));
        out.write(bytes, 0, Math.min(bytes.length, 63));
      }
    }
    out.write(0);
  }

  private static void short16(ByteArrayOutputStream out, int v) {
    out.write((v >>> 8) & 0xff);
    out.write(v & 0xff);
  }
}
