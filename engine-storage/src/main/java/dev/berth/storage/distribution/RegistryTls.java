package dev.berth.storage.distribution;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS settings per registry host, as dockerd's {@code newTLSConfig}/{@code loadTLSConfig}: for a secure registry,
 * the system CAs plus every {@code *.crt} in {@code <certsDir>/<host:port>/}, and a client certificate for each
 * {@code X.cert}/{@code X.key} pair there; for an insecure registry, no verification at all.
 */
final class RegistryTls {
  private static final char[] NO_PASSWORD = new char[0];
  private final List<Path> certsDirs;
  private final Map<String, SSLContext> cache = new ConcurrentHashMap<>();

  RegistryTls(List<Path> certsDirs) {
    this.certsDirs = certsDirs;
  }

  SSLContext contextFor(RegistryEndpoint endpoint) {
    if (endpoint.insecure()) {
      return cache.computeIfAbsent("insecure", k -> trustAll());
    }
    return cache.computeIfAbsent(endpoint.hostPort(), this::load);
  }

  private SSLContext load(String hostPort) {
    List<Path> files = new ArrayList<>();
    for (Path dir : certsDirs) {
      Path hostDir = dir.resolve(hostPort);
      if (Files.isDirectory(hostDir)) {
        try (Stream<Path> s = Files.list(hostDir)) {
          s.sorted().forEach(files::add);
        } catch (IOException e) {
          throw new InvalidParameterException("cannot read " + hostDir, e);
        }
      }
    }
    try {
      List<X509Certificate> cas = new ArrayList<>();
      List<KeyStore.PrivateKeyEntry> clients = new ArrayList<>();
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.endsWith(".crt")) {
          cas.addAll(PemFiles.certificates(f));
        } else if (name.endsWith(".cert")) {
          Path key = f.resolveSibling(name.substring(0, name.length() - 5) + ".key");
          if (!Files.exists(key)) {
            throw new InvalidParameterException("missing key " + key.getFileName() + " for client certificate "
                + name + ". CA certificates must use the extension .crt");
          }
          clients.add(new KeyStore.PrivateKeyEntry(PemFiles.privateKey(key),
              PemFiles.certificates(f).toArray(new Certificate[0])));
        } else if (name.endsWith(".key")) {
          Path cert = f.resolveSibling(name.substring(0, name.length() - 4) + ".cert");
          if (!Files.exists(cert)) {
            throw new InvalidParameterException("missing client certificate " + cert.getFileName() + " for key "
                + name);
          }
        }
      }
      if (cas.isEmpty() && clients.isEmpty()) {
        return SSLContext.getDefault();
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(keyManagers(clients), trustManagers(cas), null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new SystemException("cannot load TLS configuration for " + hostPort + ": " + e.getMessage(), e);
    }
  }

  private static TrustManager[] trustManagers(List<X509Certificate> extraCas) throws GeneralSecurityException,
      IOException {
    if (extraCas.isEmpty()) {
      return null;
    }
    TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    system.init((KeyStore) null);
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    int i = 0;
    for (TrustManager tm : system.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) {
        for (X509Certificate c : x.getAcceptedIssuers()) {
          ks.setCertificateEntry("system-" + i++, c);
        }
      }
    }
    for (X509Certificate c : extraCas) {
      ks.setCertificateEntry("certs.d-" + i++, c);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    return tmf.getTrustManagers();
  }

  private static KeyManager[] keyManagers(List<KeyStore.PrivateKeyEntry> clients) throws GeneralSecurityException,
      IOException {
    if (clients.isEmpty()) {
      return null;
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    for (int i = 0; i < clients.size(); i++) {
      ks.setEntry("client-" + i, clients.get(i), new KeyStore.PasswordProtection(NO_PASSWORD));
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, NO_PASSWORD);
    return kmf.getKeyManagers();
  }

  /** Go's {@code InsecureSkipVerify}: an X509ExtendedTrustManager that checks nothing, not even the host name. */
  private static SSLContext trustAll() {
    X509ExtendedTrustManager tm = new X509ExtendedTrustManager() {
      @Override public void checkClientTrusted(X509Certificate[] c, String a) { }
      @Override public void checkServerTrusted(X509Certificate[] c, String a) { }
      @Override public void checkClientTrusted(X509Certificate[] c, String a, Socket s) { }
      @Override public void checkServerTrusted(X509Certificate[] c, String a, Socket s) { }
      @Override public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) { }
      @Override public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) { }
      @Override public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {tm}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is required by every JDK", e);
    }
  }
}
