package dev.berth.storage.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.NotFoundException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TagListerTest {
  private FakeRegistry reg;
  private RegistryClient client;

  @BeforeEach
  void setUp() throws Exception {
    reg = new FakeRegistry();
    client = RegistryTestSupport.client();
  }

  @AfterEach
  void tearDown() {
    client.close();
    reg.close();
  }

  @Test
  void followsLinkPages_inRegistryOrder() {
    TestImage img = TestImage.create("amd64", 1, 10);
    for (String tag : List.of("v3", "v1", "latest", "v2")) {
      img.publish(reg, "x", tag);
    }
    reg.tagPageSize = 2;
    List<String> tags = new TagLister(client).tags(new RemoteReference(reg.host(), "x", null, null),
        AuthConfig.ANONYMOUS);
    assertEquals(List.of("latest", "v1", "v2", "v3"), tags);
    assertEquals(2, reg.count("GET /v2/x/tags/list"));
  }

  @Test
  void unknownRepository_isNotFound_withDockerdsMessage() {
    NotFoundException e = assertThrows(NotFoundException.class, () -> new TagLister(client)
        .tags(new RemoteReference(reg.host(), "nope", null, null), AuthConfig.ANONYMOUS));
    assertEquals("repository " + reg.host() + "/nope not found: name unknown: repository name not known to registry",
        e.getMessage());
  }

  @Test
  void nextPage_isTheLinkTargetResolvedAgainstThePage() {
    URI page = URI.create("http://r:5000/v2/x/tags/list");
    assertEquals(URI.create("http://r:5000/v2/x/tags/list?n=2&last=b"),
        TagLister.nextPage(page, "</v2/x/tags/list?n=2&last=b>; rel=\"next\""));
    assertEquals(URI.create("https://o/p?last=c"), TagLister.nextPage(page, "<https://o/p?last=c>; rel=\"next\""));
  }
}
