package dev.berth.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerViewsTest {
  @Test
  void command_quotesArgumentsWithSpaces() {
    assertEquals("sh -c 'exit 3'", ContainerViews.command("sh", List.of("-c", "exit 3")));
    assertEquals("sleep 300", ContainerViews.command("sleep", List.of("300")));
    assertEquals("true", ContainerViews.command("true", List.of()));
  }
}
