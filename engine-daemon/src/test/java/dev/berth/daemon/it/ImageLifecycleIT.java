package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** import, tag, images, inspect, history, save, rmi, load, prune and system df with the stock docker CLI. */
@ExtendWith(DaemonExtension.class)
class ImageLifecycleIT {
  @TempDir Path tmp;

  @Test
  void importTagListInspectSaveRmiLoad_keepsTheId(DockerCli docker) throws Exception {
    long since = Instant.now().getEpochSecond() - 1;
    String id = TestImages.importBusybox(docker, tmp, "berth/busybox:1");
    assertTrue(id.matches("sha256:[0-9a-f]{64}"), id);
    assertEquals(0, docker.run("tag", "berth/busybox:1", "berth/busybox:latest").exitCode());

    CliResult ls = docker.run("images", "--filter", "reference=berth/*", "--format",
        "{{.Repository}}:{{.Tag}} {{.ID}}");
    assertEquals(0, ls.exitCode(), ls::toString);
    String shortId = id.substring(7, 19);
    assertEquals(List.of("berth/busybox:1 " + shortId, "berth/busybox:latest " + shortId),
        ls.out().lines().sorted().toList(), ls::toString);
    assertEquals("", docker.run("images", "-q", "--filter", "dangling=true").out());

    CliResult inspect = docker.run("image", "inspect", "-f",
        "{{.Id}}|{{json .Config.Cmd}}|{{.Os}}|{{.Architecture}}|{{len .RootFS.Layers}}|{{.Comment}}",
        "berth/busybox:1");
    assertEquals(id + "|[\"sh\"]|linux|amd64|1|busybox from the host", inspect.out(), inspect::toString);
    CliResult history = docker.run("history", "--format", "{{.ID}} {{.Comment}}", "berth/busybox");
    assertEquals(shortId + " busybox from the host", history.out(), history::toString);

    Path saved = tmp.resolve("saved.tar");
    CliResult save = docker.run("save", "-o", saved.toString(), "berth/busybox:1", "berth/busybox:latest");
    assertEquals(0, save.exitCode(), save::toString);
    assertTrue(Files.size(saved) > Files.size(TestImages.BUSYBOX), "the archive holds the layer");

    CliResult rmi = docker.run("rmi", "berth/busybox:1", "berth/busybox:latest");
    assertEquals(0, rmi.exitCode(), rmi::toString);
    assertTrue(rmi.stdout().contains("Untagged: berth/busybox:1"), rmi::toString);
    assertTrue(rmi.stdout().contains("Deleted: " + id), rmi::toString);
    CliResult gone = docker.run("image", "inspect", "berth/busybox:1");
    assertNotEquals(0, gone.exitCode());
    assertTrue(gone.stderr().contains("No such image: berth/busybox:1"), gone::toString);

    CliResult load = docker.run("load", "-i", saved.toString());
    assertEquals(0, load.exitCode(), load::toString);
    assertTrue(load.stdout().contains("Loaded image: berth/busybox:1"), load::toString);
    assertEquals(id, docker.run("image", "inspect", "-f", "{{.Id}}", "berth/busybox:latest").out());

    CliResult events = docker.run("events", "--since", Long.toString(since), "--until",
        Long.toString(Instant.now().getEpochSecond() + 1), "--filter", "type=image", "--format", "{{.Action}}");
    assertEquals(0, events.exitCode(), events::toString);
    for (String action : List.of("import", "tag", "save", "untag", "delete", "load")) {
      assertTrue(events.out().lines().anyMatch(action::equals), action + " missing in:\n" + events.out());
    }
  }

  @Test
  void danglingImage_isPrunedAndCountedByDf(DockerCli docker) throws Exception {
    String first = TestImages.importBusybox(docker, tmp, "berth/prune:1");
    CliResult second = docker.run("import", "-c", "CMD [\"ls\"]", TestImages.busyboxRootfsTar(tmp).toString(),
        "berth/prune:1");
    assertEquals(0, second.exitCode(), second::toString);
    CliResult dangling = docker.run("images", "--no-trunc", "-q", "--filter", "dangling=true");
    assertTrue(dangling.out().lines().anyMatch(first::equals), dangling::toString);

    CliResult df = docker.run("system", "df", "--format", "{{.Type}} {{.TotalCount}} {{.Size}}");
    assertEquals(0, df.exitCode(), df::toString);
    String images = df.out().lines().filter(l -> l.startsWith("Images ")).findFirst().orElseThrow();
    assertFalse(images.startsWith("Images 0 "), df::toString);
    assertFalse(images.endsWith(" 0B"), df::toString);

    CliResult prune = docker.run("image", "prune", "-f");
    assertEquals(0, prune.exitCode(), prune::toString);
    assertTrue(prune.stdout().contains("deleted: " + first), prune::toString);
    assertEquals("", docker.run("images", "-q", "--filter", "dangling=true").out());
    CliResult info = docker.run("info", "--format", "{{.Images}}");
    assertTrue(Integer.parseInt(info.out()) >= 1, info::toString);
  }
}
