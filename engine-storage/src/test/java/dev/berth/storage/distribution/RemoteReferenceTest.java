package dev.berth.storage.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.storage.digest.Digest;
import org.junit.jupiter.api.Test;

class RemoteReferenceTest {

  @Test
  void normalisesDockerHubNames() {
    RemoteReference r = RemoteReference.parse("busybox");
    assertEquals("docker.io", r.domain());
    assertEquals("library/busybox", r.path());
    assertEquals("latest", r.tag());
    assertEquals("busybox", r.familiarName());
    assertEquals("busybox:latest", r.familiarString());
    assertEquals("docker.io/library/busybox:latest", r.toString());
    assertEquals("user/app", RemoteReference.parse("docker.io/user/app:1").familiarName());
  }

  @Test
  void privateRegistriesKeepTheirDomain() {
    RemoteReference r = RemoteReference.parse("127.0.0.1:5000/team/app:v2");
    assertEquals("127.0.0.1:5000", r.domain());
    assertEquals("team/app", r.path());
    assertEquals("127.0.0.1:5000/team/app:v2", r.familiarString());
    assertEquals("localhost", RemoteReference.parse("localhost/x").domain());
  }

  @Test
  void digestReferences() {
    Digest d = Digest.sha256("m");
    RemoteReference r = RemoteReference.parse("busybox@" + d);
    assertEquals(null, r.tag());
    assertEquals(d.toString(), r.manifestReference());
    assertEquals("docker.io/library/busybox@" + d, r.pullingFromId());
    assertEquals("busybox@" + d, r.familiarString());
  }
}
