package dev.berth.storage.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

  @Test
  void bearerWithQuotedParams() {
    List<AuthChallenge> cs = AuthChallenge.parse(List.of("Bearer realm=\"https://auth.docker.io/token\","
        + "service=\"registry.docker.io\",scope=\"repository:library/busybox:pull,push\""));
    assertEquals(1, cs.size());
    AuthChallenge c = cs.get(0);
    assertEquals("bearer", c.scheme());
    assertEquals("https://auth.docker.io/token", c.param("realm"));
    assertEquals("registry.docker.io", c.param("service"));
    assertEquals("repository:library/busybox:pull,push", c.param("scope"));
  }

  @Test
  void severalChallengesAndEscapes() {
    List<AuthChallenge> cs = AuthChallenge.parse(List.of("Basic realm=\"a \\\"quoted\\\" realm\", Bearer "
        + "realm=\"https://x/token\",error=\"insufficient_scope\"", "Negotiate"));
    assertEquals(3, cs.size());
    assertEquals("basic", cs.get(0).scheme());
    assertEquals("a \"quoted\" realm", cs.get(0).param("realm"));
    assertEquals("insufficient_scope", cs.get(1).param("error"));
    assertEquals("negotiate", cs.get(2).scheme());
  }

  @Test
  void unquotedValues() {
    AuthChallenge c = AuthChallenge.parse(List.of("Bearer realm=https://h/t?x=1,service=svc")).get(0);
    assertEquals("https://h/t?x=1", c.param("realm"));
    assertEquals("svc", c.param("service"));
  }
}
