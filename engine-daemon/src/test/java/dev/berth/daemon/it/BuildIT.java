package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker build} (classic builder, no buildx) with the stock CLI against a real berthd. */
@ExtendWith(DaemonExtension.class)
class BuildIT {
  private static final String BASE = "busybox:b";
  private final List<String> images = new ArrayList<>();

  @BeforeAll
  static void image(DockerCli docker, @TempDir Path dir) {
    TestImages.importBusybox(docker, dir, BASE);
  }

  @AfterEach
  void cleanup(DockerCli docker) {
    for (String i : images) {
      docker.run("rmi", "-f", i);
    }
    images.clear();
    docker.run("image", "prune", "-f");
  }

  private static CliResult ok(CliResult r) {
    assertEquals(0, r.exitCode(), r::toString);
    return r;
  }

  private String tag(String base) {
    String t = base + ":" + Long.toHexString(System.nanoTime() & 0xffffff);
    images.add(t);
    return t;
  }

  private static void write(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  @Test
  void build_runCopyEnvWorkdirCmd_producesRunnableImage(DockerCli docker, @TempDir Path dir) throws IOException {
    write(dir, "Dockerfile", """
        FROM busybox:b
        RUN echo hi > /hello
        COPY f /f
        ENV A=1
        WORKDIR /w
        CMD ["cat","/hello"]
        """);
    write(dir, "f", "file content\n");
    String t = tag("buildit");
    CliResult b = ok(docker.run("build", "-t", t, dir.toString()));
    assertTrue(b.stdout().contains("Step 1/6 : FROM busybox:b"), b::toString);
    assertTrue(b.stdout().contains(" ---> Running in "), b::toString);
    assertTrue(b.stdout().contains("Successfully built "), b::toString);
    assertTrue(b.stdout().contains("Successfully tagged " + t), b::toString);
    assertEquals("hi", ok(docker.run("run", "--rm", t)).out());
    assertEquals("file content", ok(docker.run("run", "--rm", t, "cat", "/f")).out());
    assertEquals("/w", ok(docker.run("run", "--rm", t, "pwd")).out());
    String cfg = ok(docker.run("image", "inspect", "-f",
        "{{json .Config.Env}}|{{.Config.WorkingDir}}|{{json .Config.Cmd}}", t)).out();
    assertTrue(cfg.contains("\"A=1\""), cfg);
    assertTrue(cfg.contains("|/w|[\"cat\",\"/hello\"]"), cfg);
    String history = ok(docker.run("history", "--no-trunc", "--format", "{{.CreatedBy}}", t)).out();
    assertTrue(history.contains("/bin/sh -c echo hi > /hello"), history);
    assertTrue(history.contains("#(nop)  ENV A=1"), history);

    CliResult again = ok(docker.run("build", "-t", t, dir.toString()));
    assertTrue(again.stdout().contains("Using cache"), again::toString);
  }

  @Test
  void failingRun_reportsCommandAndExitCode_andLeavesNoContainer(DockerCli docker, @TempDir Path dir)
      throws IOException {
    write(dir, "Dockerfile", "FROM busybox:b\nRUN echo before; exit 3\n");
    String before = ok(docker.run("ps", "-aq")).out();
    CliResult b = docker.run("build", "-t", tag("buildfail"), dir.toString());
    assertNotEquals(0, b.exitCode(), b::toString);
    assertTrue(b.stderr().contains("The command '/bin/sh -c echo before; exit 3' returned a non-zero code: 3"),
        b::toString);
    assertTrue(b.stdout().contains("before"), b::toString);
    assertEquals(before, ok(docker.run("ps", "-aq")).out());
  }

  @Test
  void dockerfileFromStdin_builds(DockerCli docker) {
    String t = tag("buildstdin");
    byte[] df = "FROM busybox:b\nLABEL x=y\nCMD echo stdin\n".getBytes(StandardCharsets.UTF_8);
    ok(docker.run(df, Duration.ofSeconds(60), "build", "-t", t, "-"));
    assertEquals("stdin", ok(docker.run("run", "--rm", t)).out());
    assertEquals("y", ok(docker.run("image", "inspect", "-f", "{{index .Config.Labels \"x\"}}", t)).out());
  }

  /** The CLI sends this context without the tar's end blocks and hides the Dockerfile via .dockerignore. */
  @Test
  void dockerfileFromStdinWithContextDir_andDockerignore(DockerCli docker, @TempDir Path dir) throws IOException {
    write(dir, "keep", "k\n");
    write(dir, "secret", "s\n");
    write(dir, ".dockerignore", "secret\n");
    String t = tag("buildstdinctx");
    byte[] df = "FROM busybox:b\nCOPY . /c/\nCMD ls /c\n".getBytes(StandardCharsets.UTF_8);
    ok(docker.run(df, Duration.ofSeconds(60), "build", "-t", t, "-f-", dir.toString()));
    String ls = ok(docker.run("run", "--rm", t)).out();
    assertTrue(ls.contains("keep") && !ls.contains("secret") && !ls.contains(".dockerfile"), ls);
  }

  @Test
  void multiStage_copyFromBuilder_andAddExtractsTar(DockerCli docker, @TempDir Path dir) throws IOException {
    write(dir, "Dockerfile", """
        FROM busybox:b AS builder
        ARG MSG=default
        RUN mkdir /out && echo "$MSG" > /out/msg
        FROM busybox:b
        COPY --from=builder /out/msg /msg
        ADD a.tar /x/
        CMD cat /msg /x/inner.txt
        """);
    Path inner = dir.resolve("tarsrc");
    write(inner, "inner.txt", "from tar\n");
    ok(new ProcessBuilderRun().tar(dir.resolve("a.tar"), inner));
    String t = tag("buildmulti");
    ok(docker.run("build", "--build-arg", "MSG=hello", "-t", t, dir.toString()));
    assertEquals("hello\nfrom tar", ok(docker.run("run", "--rm", t)).out());
  }

  @Test
  void addFromUrl_downloadsTheFile(DockerCli docker) throws IOException {
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/files/remote.txt", ex -> {
      byte[] body = "remote\n".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/files/remote.txt";
      String t = tag("buildurl");
      byte[] df = ("FROM busybox:b\nADD " + url + " /r/\nCMD cat /r/remote.txt\n").getBytes(StandardCharsets.UTF_8);
      ok(docker.run(df, Duration.ofSeconds(60), "build", "-t", t, "-"));
      assertEquals("remote", ok(docker.run("run", "--rm", t)).out());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void onbuildTriggers_runWithoutTheImageEntrypoint_andMetadataIsKept(DockerCli docker) {
    String base = tag("buildonbase");
    byte[] df1 = ("FROM busybox:b\nONBUILD RUN echo triggered > /t\nHEALTHCHECK --interval=5s CMD true\n"
        + "STOPSIGNAL SIGINT\nENTRYPOINT [\"sh\",\"-c\"]\nWORKDIR /app/sub\n").getBytes(StandardCharsets.UTF_8);
    ok(docker.run(df1, Duration.ofSeconds(60), "build", "-t", base, "-"));
    String child = tag("buildonchild");
    byte[] df2 = ("FROM " + base + "\nCMD [\"cat /t; pwd\"]\n").getBytes(StandardCharsets.UTF_8);
    CliResult b = ok(docker.run(df2, Duration.ofSeconds(60), "build", "-t", child, "-"));
    assertTrue(b.stdout().replaceAll("[0-9a-f]{12}", "ID").contains("Step 1/2 : FROM " + base + "\n"
        + "# Executing 1 build trigger\n ---> Running in ID\nRemoving intermediate container ID\n"
        + " ---> ID\nStep 2/2"), b::toString); // dockerd prints the stage's ID after its triggers
    assertEquals("triggered\n/app/sub", ok(docker.run("run", "--rm", child)).out());
    assertEquals("{\"Test\":[\"CMD-SHELL\",\"true\"],\"Interval\":5000000000} SIGINT null",
        ok(docker.run("image", "inspect", "-f", "{{json .Config.Healthcheck}} {{.Config.StopSignal}} "
            + "{{json .Config.OnBuild}}", child)).out());
  }

  /** Creates a tar with the system's tar. */
  static final class ProcessBuilderRun {
    CliResult tar(Path out, Path dir) {
      try {
        Process p = new ProcessBuilder("tar", "-cf", out.toString(), "-C", dir.toString(), ".")
            .redirectErrorStream(true).start();
        String o = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new CliResult(p.waitFor(), o, "");
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
