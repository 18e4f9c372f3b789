package dev.berth.daemon.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A minimal HTTP/1.1 client over a UNIX socket that keeps one connection open, for exact wire assertions. */
public final class RawHttp implements AutoCloseable {
  /** A parsed response; header names are lower-cased. */
  public record Response(int status, String reason, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final SocketChannel ch;
  private final InputStream in;
  private final OutputStream out;

  public RawHttp(Path socket) throws IOException {
    ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    ch.connect(UnixDomainSocketAddress.of(socket));
    in = new java.io.BufferedInputStream(Channels.newInputStream(ch));
    out = Channels.newOutputStream(ch);
  }

  public Response get(String path) throws IOException {
    return send("GET", path, null, null);
  }

  public Response head(String path) throws IOException {
    return send("HEAD", path, null, null);
  }

  public Response send(String method, String path, String contentType, String body) throws IOException {
    StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: docker\r\n");
    byte[] b = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    if (contentType != null) {
      req.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (b != null) {
      req.append("Content-Length: ").append(b.length).append("\r\n");
    }
    req.append("\r\n");
    out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
    if (b != null) {
      out.write(b);
    }
    out.flush();
    return read(method.equals("HEAD"));
  }

  private Response read(boolean head) throws IOException {
    String status = line();
    String[] parts = status.split(" ", 3);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String l; !(l = line()).isEmpty(); ) {
      int c = l.indexOf(':');
      headers.put(l.substring(0, c).trim().toLowerCase(Locale.ROOT), l.substring(c + 1).trim());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int code = Integer.parseInt(parts[1]);
    if (!head && code != 204 && code != 304) {
      if (headers.containsKey("content-length")) {
        body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
      } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        for (int n; (n = Integer.parseInt(line().trim(), 16)) > 0; ) {
          body.write(in.readNBytes(n));
          line();
        }
        line();
      }
    }
    return new Response(code, parts.length > 2 ? parts[2] : "", headers,
        body.toString(StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c; (c = in.read()) != -1; ) {
      if (c == '\n') {
        break;
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
