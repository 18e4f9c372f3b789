package dev.berth.storage.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.InvalidParameterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {
  private static final String D = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // input                                 | full                                   | familiar
      "busybox                                 | docker.io/library/busybox              | busybox",
      "busybox:latest                          | docker.io/library/busybox:latest       | busybox:latest",
      "busybox:1.36.1-musl                     | docker.io/library/busybox:1.36.1-musl  | busybox:1.36.1-musl",
      "library/busybox                         | docker.io/library/busybox              | busybox",
      "docker.io/busybox                       | docker.io/library/busybox              | busybox",
      "index.docker.io/busybox:1               | docker.io/library/busybox:1            | busybox:1",
      "docker.io/library/busybox:latest        | docker.io/library/busybox:latest       | busybox:latest",
      "user/app:v1                             | docker.io/user/app:v1                  | user/app:v1",
      "docker.io/library/a/b                   | docker.io/library/a/b                  | library/a/b",
      "localhost/app                           | localhost/app                          | localhost/app",
      "localhost:5000/a/b                      | localhost:5000/a/b                     | localhost:5000/a/b",
      "127.0.0.1:5000/x:tag                    | 127.0.0.1:5000/x:tag                   | 127.0.0.1:5000/x:tag",
      "example.com/team/app:1.0                | example.com/team/app:1.0               | example.com/team/app:1.0",
      "Example.com/app                         | Example.com/app                        | Example.com/app",
      "Foo/bar                                 | Foo/bar                                | Foo/bar",
      "[::1]:5000/app                          | [::1]:5000/app                         | [::1]:5000/app",
      "a__b/c-d/e---f.g_h                      | docker.io/a__b/c-d/e---f.g_h           | a__b/c-d/e---f.g_h",
      "busybox:Latest_1                        | docker.io/library/busybox:Latest_1     | busybox:Latest_1",
  })
  void parsesAndNormalises(String in, String full, String familiar) {
    ImageReference r = ImageReference.parse(in);
    assertEquals(full, r.toString());
    assertEquals(familiar, r.familiarString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "127.0.0.1:5000/x@" + D + "            | 127.0.0.1:5000/x@" + D,
      "busybox@" + D + "                     | docker.io/library/busybox@" + D,
      "busybox:1@" + D + "                   | docker.io/library/busybox:1@" + D,
  })
  void parsesDigests(String in, String full) {
    ImageReference r = ImageReference.parse(in);
    assertEquals(full, r.toString());
    assertEquals(D, r.digest().toString());
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', value = {
      "Busybox              | invalid reference format: repository name (library/Busybox) must be lowercase",
      "user/App:1           | invalid reference format: repository name (user/App) must be lowercase",
      "busybox:             | invalid reference format",
      "busybox::1           | invalid reference format",
      "-busybox             | invalid reference format",
      "busybox:-tag         | invalid reference format",
      "a/b//c               | invalid reference format",
      "busybox@sha256:abc   | invalid reference format",
      "'busy box'           | invalid reference format",
      "''                   | invalid reference format",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa "
          + "| invalid repository name (aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa), "
          + "cannot specify 64-byte hexadecimal strings",
  })
  void rejectsLikeDocker(String in, String message) {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> ImageReference.parse(in));
    assertEquals(message, e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void tooLongName() {
    String name = "a/".repeat(128) + "b";
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> ImageReference.parse(name));
    assertEquals("repository name must not be more than 255 characters", e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void defaultTagAndTagValidation() {
    assertEquals("busybox:latest", ImageReference.parse("busybox").withDefaultTag().familiarString());
    assertEquals("busybox:1", ImageReference.parse("busybox:1").withDefaultTag().familiarString());
    assertThrows(InvalidParameterException.class, () -> ImageReference.parse("busybox").withTag(".bad"));
    assertEquals("busybox", ImageReference.parse("busybox:1@" + D).nameOnly().familiarString());
  }
}
