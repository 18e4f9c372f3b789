package dev.berth.api.model.container;

import static dev.berth.api.model.Wire.fixture;
import static dev.berth.api.model.Wire.read;
import static dev.berth.api.model.Wire.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The smaller container request bodies, as the CLI 28 sends them. */
class OtherRequestsTest {

  @Test
  void dockerUpdate_readsResourcesAndRestartPolicy_andRoundTrips() {
    String body = fixture("container-update.json");
    ContainerUpdateRequest req = read(body, ContainerUpdateRequest.class);

    assertEquals(64L << 20, req.memory());
    assertEquals(64L << 20, req.resources().memory());
    assertNull(req.pidsLimit());
    assertNull(req.oomKillDisable());
    assertEquals(new RestartPolicy("on-failure", 3), req.restartPolicy());
    assertEquals(tree(body), tree(req));
    assertEquals(req, ContainerUpdateRequest.of(req.resources(), req.restartPolicy()));
  }

  @Test
  void updateWithoutRestartPolicy_keepsCurrentPolicy() {
    ContainerUpdateRequest req = read("{\"CpuShares\":512}", ContainerUpdateRequest.class);
    assertEquals(512, req.cpuShares());
    assertEquals("", req.restartPolicy().name());
  }

  @Test
  void dockerExec_createAndStartBodies_roundTrip() {
    String create = fixture("exec-create.json");
    ExecCreateRequest req = read(create, ExecCreateRequest.class);
    assertEquals(List.of("ls", "-l"), req.cmd());
    assertEquals("root", req.user());
    assertTrue(req.detach());
    assertNull(req.consoleSize());
    assertEquals(tree(create), tree(req));

    String start = fixture("exec-start.json");
    ExecStartRequest startReq = read(start, ExecStartRequest.class);
    assertTrue(startReq.detach());
    assertEquals(tree(start), tree(startReq));
    assertEquals(List.of(24, 80),
        read("{\"Tty\":true,\"ConsoleSize\":[24,80]}", ExecStartRequest.class).consoleSize());
  }
}
