package dev.berth.storage.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.berth.storage.digest.Digest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainIdsTest {
  private static final Digest A = Digest.parse("sha256:" + "a".repeat(64));
  private static final Digest B = Digest.parse("sha256:" + "b".repeat(64));
  private static final Digest C = Digest.parse("sha256:" + "c".repeat(64));

  @Test
  void baseLayerChainIdIsItsDiffId() {
    assertEquals(List.of(A), ChainIds.of(List.of(A)));
    assertNull(ChainIds.top(List.of()));
  }

  @Test
  void upperChainIdsHashParentAndDiffIdWithASpace() {
    Digest ab = Digest.sha256(A + " " + B);
    Digest abc = Digest.sha256(ab + " " + C);
    assertEquals(List.of(A, ab, abc), ChainIds.of(List.of(A, B, C)));
    assertEquals(abc, ChainIds.top(List.of(A, B, C)));
  }

  @Test
  void knownVector() {
    // Two-layer chain checked with: printf 'sha256:aaa… sha256:bbb…' | sha256sum
    assertEquals("sha256:ccd722928bd92476ba1745586fed6e45a102504185ad88cd89e01ff116fd146c",
        ChainIds.next(A, B).toString());
  }
}
