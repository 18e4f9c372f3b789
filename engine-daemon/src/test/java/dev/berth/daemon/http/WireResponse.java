package dev.berth.daemon.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 response as it appeared on the wire, split from raw bytes (ISO-8859-1, so one char per byte).
 * {@link #chunks} holds the chunk payloads of a chunked body; {@link #complete} is false when the bytes ended
 * before the body did.
 */
record WireResponse(int status, String reason, Map<String, String> headers, String body, List<String> chunks,
    boolean complete) {

  String header(String name) {
    return headers.get(name.toLowerCase());
  }

  /** Splits {@code raw} into responses; {@code noBody[i]} marks the answer to a HEAD request. */
  static List<WireResponse> parse(String raw, boolean... noBody) {
    List<WireResponse> out = new ArrayList<>();
    int pos = 0;
    while (pos < raw.length()) {
      int end = raw.indexOf("\r\n\r\n", pos);
      assertTrue(end >= 0, "incomplete head: " + raw.substring(pos));
      String[] lines = raw.substring(pos, end).split("\r\n");
      String[] statusLine = lines[0].split(" ", 3);
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
      }
      int status = Integer.parseInt(statusLine[1]);
      pos = end + 4;
      boolean head = out.size() < noBody.length && noBody[out.size()];
      String body = "";
      List<String> chunks = new ArrayList<>();
      boolean complete = true;
      if (head || status == 204 || status == 304 || status == 101) {
        // no body
      } else if (headers.containsKey("content-length")) {
        int n = Integer.parseInt(headers.get("content-length"));
        complete = pos + n <= raw.length();
        body = raw.substring(pos, Math.min(raw.length(), pos + n));
        pos += body.length();
      } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        StringBuilder sb = new StringBuilder();
        complete = false;
        while (pos < raw.length()) {
          int eol = raw.indexOf("\r\n", pos);
          int size = Integer.parseInt(raw.substring(pos, eol), 16);
          pos = eol + 2;
          if (size == 0) {
            pos += 2;
            complete = true;
            break;
          }
          String chunk = raw.substring(pos, pos + size);
          chunks.add(chunk);
          sb.append(chunk);
          pos += size + 2;
        }
        body = sb.toString();
      } else {
        body = raw.substring(pos);
        pos = raw.length();
      }
      out.add(new WireResponse(status, statusLine.length > 2 ? statusLine[2] : "", headers, body, chunks,
          complete));
    }
    return out;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
