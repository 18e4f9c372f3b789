package dev.berth.daemon.build;

import dev.berth.api.errors.InvalidParameterException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code ADD <url>} (moby {@code downloadSource}): the file is downloaded into the build's temp dir with mode 0600
 * and the server's {@code Last-Modified} time; its name is the URL's last path segment. Never unpacked.
 */
final class RemoteFile {
  private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(30)).build();

  private RemoteFile() {}

  static boolean isUrl(String s) {
    return s.startsWith("http://") || s.startsWith("https://");
  }

  /** The file name dockerd gives a download: the last non-empty path segment of the URL. */
  static String name(String url) {
    String path = URI.create(url).getPath();
    String trimmed = path == null ? "" : path.replaceAll("/+$", "");
    String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    if (name.isEmpty()) {
      throw new InvalidParameterException("cannot determine filename from url: " + url);
    }
    return name;
  }

  static Path download(String url, Path tmpDir) throws IOException {
    HttpResponse<InputStream> r;
    try {
      r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    try (InputStream in = r.body()) {
      if (r.statusCode() >= 400) {
        throw new InvalidParameterException("failed to GET " + url + " with status " + r.statusCode() + ": "
            + new String(in.readNBytes(512), java.nio.charset.StandardCharsets.UTF_8).strip());
      }
      Files.createDirectories(tmpDir);
      Path dir = Files.createTempDirectory(tmpDir, "download-");
      Path f = dir.resolve(name(url));
      Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
      r.headers().firstValue("Last-Modified").ifPresent(v -> {
        try {
          Files.setLastModifiedTime(f, FileTime.from(ZonedDateTime.parse(v,
              DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
        } catch (RuntimeException | IOException e) {
          // keep the download time
        }
      });
      return f;
    }
  }
}
