package dev.berth.daemon.build.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DockerIgnoreTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource(delimiter = '|', value = {
      "**            | file                 | true",
      "**/           | file                 | true",
      "**/**         | file                 | true",
      "**            | dir/file             | true",
      "dir/**        | dir/file             | true",
      "dir/**        | dir/a/b              | true",
      "dir/**        | dir                  | false",
      "dir/**        | dirx/file            | false",
      "**/dir/**     | dir/file             | true",
      "**/dir/**     | a/b/dir/file         | true",
      "**/file       | file                 | true",
      "**/file       | dir/file             | true",
      "**/file       | dir/xfile            | false",
      "**file        | dir/xfile            | true",
      "**/file*      | dir/dir/file.txt     | true",
      "**/file*txt   | dir/dir/file.txt     | true",
      "**/**/*.txt   | dir/dir/file.txt     | true",
      "**/**/*.txt2  | dir/dir/file.txt     | false",
      "**/*.txt      | file.txt             | true",
      "**/.foo       | .foo                 | true",
      "**/.foo       | bar.foo              | false",
      "a**/*.txt     | a/file.txt           | true",
      "a**/*.txt     | a/dir/file.txt       | true",
      "a**/*.txt     | b/file.txt           | false",
      "a/*.txt       | a/dir/file.txt       | false",
      "a/*.txt       | a/file.txt           | true",
      "a/*.txt**     | a/file.txt           | true",
      "a[b-d]e       | ace                  | true",
      "a[b-d]e       | aae                  | false",
      "a[b-d]e       | ae                   | false",
      ".*            | .foo                 | true",
      ".*            | foo                  | false",
      "abc.def       | abc.def              | true",
      "abc.def       | abcZdef              | false",
      "abc?def       | abcZdef              | true",
      "abc?def       | abc/def              | false",
      "abc/**        | abc                  | false",
      "*c            | abc                  | true",
      "a*            | abc                  | true",
      "a*            | ab/c                 | true",
      "a*/b          | abc/b                | true",
      "a*/b          | a/d/b                | false",
      "a\\*b         | a*b                  | true",
      "a\\*b         | axb                  | false",
      "dir           | dir/sub/file         | true",
      "dir/          | dir/file             | true",
      "./dir         | dir/file             | true",
      "/dir          | dir/file             | true",
      "dir           | otherdir/file        | false",
      "*.go          | main.go              | true",
      "*.go          | pkg/main.go          | false",
      "*/*.go        | pkg/main.go          | true",
      "node_modules  | node_modules/x/y.js  | true",
      "a+b(c)        | a+b(c)               | true",
      "'a|b'         | a                    | false",
      "$x^           | $x^                  | true",
      "{a,b}         | a                    | false",
  })
  void singlePattern(String pattern, String path, boolean excluded) {
    assertEquals(excluded, DockerIgnore.parse(pattern).matches(path));
  }

  static Stream<Arguments> exceptions() {
    return Stream.of(
        arguments("*.md\n!README.md", "README.md", false),
        arguments("*.md\n!README.md", "CHANGES.md", true),
        arguments("docs\n!docs/keep.md", "docs/other.md", true),
        arguments("docs\n!docs/keep.md", "docs/keep.md", false),
        arguments("!x\n*", "x", true),
        arguments("*\n!x", "x", false),
        arguments("*\n!x", "y", true),
        arguments("foo/bar\n!foo", "foo/bar", false),
        arguments("**/*.log\n!important/*.log\nimportant/secret.log", "important/secret.log", true),
        arguments("**/*.log\n!important/*.log\nimportant/secret.log", "important/a.log", false),
        arguments("**/*.log\n!important/*.log", "x/important/a.log", true),
        arguments("*\n!src\nsrc/tmp", "src/main.c", false),
        arguments("*\n!src\nsrc/tmp", "src/tmp/x", true),
        arguments("# comment\n\n  .git  \n", ".git/HEAD", true),
        arguments("#.git", ".git/HEAD", false),
        arguments(" #.git", "#.git", true));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("exceptions")
  void laterPatternsWin(String file, String path, boolean excluded) {
    assertEquals(excluded, DockerIgnore.parse(file).matches(path));
  }

  @Test
  void readPatternsCleansLikeDockerd() {
    assertEquals(List.of("spaced", "!abs", "/", "b", "!c", "# not comment", "."),
        DockerIgnore.readPatterns("\uFEFF# comment\n  spaced  \n!/abs\n/\n./a/../b/\n \n#x\n! c\r\n  # not comment\n./"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"!|illegal exclusion pattern: \"!\"", "[a|syntax error in pattern",
      "a\\|syntax error in pattern", "[]|syntax error in pattern"})
  void badPatterns(String pattern, String message) {
    assertEquals(message, assertThrows(DockerfileException.class, () -> DockerIgnore.of(List.of(pattern)))
        .getMessage());
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {"docs\\n!docs/keep.md|docs|true", "docs|docs|false",
      "docs\\n!other/x|docs|false", "a\\n!a/b/c|a/b|true"})
  void walkerMustDescendOnlyForExceptionsBelow(String file, String dir, boolean descend) {
    assertEquals(descend, DockerIgnore.parse(file.replace("\\n", "\n")).mustDescendInto(dir));
  }

  @Test
  void cliKeepsDockerfileAndDockerignore() {
    assertEquals(List.of("*", "!.dockerignore", "!Dockerfile"),
        DockerIgnore.keepBuildFiles(List.of("*"), "Dockerfile", false));
    assertEquals(List.of("Dockerfile"), DockerIgnore.keepBuildFiles(List.of("Dockerfile"), "Dockerfile", true));
    assertEquals(List.of("build/*", "!build/Dockerfile.dev"),
        DockerIgnore.keepBuildFiles(List.of("build/*"), "build/Dockerfile.dev", false));
    assertEquals(List.of("*.md"), DockerIgnore.keepBuildFiles(List.of("*.md"), "Dockerfile", false));
  }

  @Test
  void daemonRemovesIgnoredBuildFilesFromTheContext() {
    assertEquals(List.of(".dockerignore", "Dockerfile"), DockerIgnore.parse("*").removedByDaemon("Dockerfile"));
    assertEquals(List.of(), DockerIgnore.parse("*.md").removedByDaemon("Dockerfile"));
    assertEquals(List.of(".dockerignore"), DockerIgnore.parse(".dockerignore").removedByDaemon("Dockerfile"));
    assertEquals(List.of("ci/Dockerfile"), DockerIgnore.parse("ci").removedByDaemon("ci/Dockerfile"));
  }
}
