package dev.berth.daemon.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.InvalidParameterException;
import org.junit.jupiter.api.Test;

class TagSpecTest {
  @Test
  void splitsRepoAndTag() {
    assertEquals(new TagSpec("x", "1"), TagSpec.parse("x:1"));
    assertEquals(new TagSpec("localhost:5000/x", "latest"), TagSpec.parse("localhost:5000/x"));
    assertEquals("x:latest", TagSpec.parse("docker.io/library/x").toString());
    assertThrows(InvalidParameterException.class, () -> TagSpec.parse("UPPER:1"));
  }
}
