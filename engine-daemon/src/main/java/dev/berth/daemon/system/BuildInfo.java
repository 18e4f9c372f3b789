package dev.berth.daemon.system;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version facts stamped into the jar at build time ({@code berth-build.properties}). */
public record BuildInfo(String berthVersion, String engineVersion, String gitCommit, String buildTime) {

  /** The Docker Engine release whose API (1.50) Berth implements; reported as the engine version. */
  public static final String DOCKER_COMPAT_VERSION = "28.2.2";

  public static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/berth-build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException ignored) {
      // defaults below
    }
    return new BuildInfo(p.getProperty("berth.version", "dev"), DOCKER_COMPAT_VERSION,
        p.getProperty("berth.git", "unknown"), p.getProperty("berth.buildTime", ""));
  }
}
