package dev.berth.daemon.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import org.junit.jupiter.api.Test;

class ReferencesTest {
  private static final String DIGEST = "sha256:" + "b".repeat(64);

  @Test
  void pull_tagOrDigestParameter_isAppliedToTheName() {
    assertEquals("docker.io/library/busybox:latest", References.forPull("busybox:latest", "").toString());
    assertEquals("docker.io/library/busybox:1.36", References.forPull("busybox", "1.36").toString());
    assertEquals("127.0.0.1:5000/a/b@" + DIGEST, References.forPull("127.0.0.1:5000/a/b", DIGEST).toString());
    assertEquals("docker.io/user/app:2", References.forPull("user/app:1", "2").toString());
  }

  @Test
  void pull_withoutAnyTag_isNameOnly_forAllTags() {
    assertTrue(References.forPull("busybox", "").isNameOnly());
    assertTrue(References.forPull("127.0.0.1:5000/x:", "").isNameOnly());
    assertEquals("127.0.0.1:5000/x", References.forPull("127.0.0.1:5000/x", "").familiarString());
  }

  @Test
  void pull_badNames_areInvalidParameters() {
    assertThrows(InvalidParameterException.class, () -> References.forPull("UPPER", "1"));
    assertThrows(InvalidParameterException.class, () -> References.forPull("ok", "bad tag!"));
  }

  @Test
  void push_withoutTag_keepsTheBareName() {
    assertEquals("localhost:5000/app", References.forPush("localhost:5000/app", "").toString());
    assertEquals("localhost:5000/app:v2", References.forPush("localhost:5000/app", "v2").toString());
  }
}
