package dev.berth.storage.distribution;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** Turns JDK I/O failures into the messages Go's {@code url.Error} prints, which dockerd passes to users. */
final class TransportErrors {
  private TransportErrors() {}

  static RegistryUnreachableException of(String method, URI uri, IOException e) {
    return new RegistryUnreachableException(op(method) + " \"" + uri + "\": " + describe(uri, e),
        connected(e), e);
  }

  /** Go's {@code url.Error.Op}: the method with only its first letter upper-case ("Get", "Head"). */
  static String op(String method) {
    return method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT);
  }

  private static boolean connected(IOException e) {
    return !(has(e, ConnectException.class) || has(e, UnresolvedAddressException.class)
        || has(e, UnknownHostException.class));
  }

  private static String describe(URI uri, IOException e) {
    String host = EndpointResolver.host(uri.getRawAuthority());
    if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
      return "dial tcp: " + GoDnsErrors.noSuchHost(host);
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "dial tcp " + address(uri) + ": i/o timeout";
    }
    if (e instanceof HttpTimeoutException) {
      return "net/http: request canceled (Client.Timeout exceeded while awaiting headers)";
    }
    if (has(e, ConnectException.class)) {
      return "dial tcp " + address(uri) + ": connect: connection refused";
    }
    String text = messages(e);
    if (has(e, SSLHandshakeException.class) && text.contains("PKIX")) {
      return "tls: failed to verify certificate: x509: certificate signed by unknown authority";
    }
    if (has(e, SSLHandshakeException.class) && (text.contains("No subject alternative")
        || text.contains("No name matching"))) {
      return "tls: failed to verify certificate: x509: certificate is not valid for " + host;
    }
    if (has(e, SSLException.class) && text.contains("Unsupported or unrecognized SSL message")) {
      return "http: server gave HTTP response to HTTPS client";
    }
    if (has(e, SSLException.class)) {
      return "remote error: tls: " + first(e, SSLException.class).getMessage();
    }
    if (has(e, EOFException.class) || text.contains("closed") || text.contains("EOF")) {
      return "EOF";
    }
    if (text.contains("reset")) {
      return "read tcp " + address(uri) + ": read: connection reset by peer";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** {@code ip:port} as Go's dialer reports it; IPv6 in brackets. */
  static String address(URI uri) {
    int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
    String host = uri.getHost();
    try {
      InetAddress a = InetAddress.getByName(host);
      String ip = a.getHostAddress();
      return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
    } catch (UnknownHostException | SecurityException e) {
      return host + ":" + port;
    }
  }

  private static boolean has(Throwable t, Class<? extends Throwable> type) {
    return first(t, type) != null;
  }

  private static <T extends Throwable> T first(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  private static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c.getMessage()).append(' ');
    }
    return sb.toString();
  }
}
