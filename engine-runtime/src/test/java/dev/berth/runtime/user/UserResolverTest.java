package dev.berth.runtime.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UserResolverTest {
  @TempDir Path rootfs;

  @BeforeEach
  void setUp() {
    TestRootfs.create(rootfs);
  }

  static Stream<Arguments> users() {
    return Stream.of(
        // -u, --group-add, uid, gid, additionalGids
        Arguments.of("", List.of(), 0, 0, List.of(0, 10)),
        Arguments.of("root", List.of(), 0, 0, List.of(0, 10)),
        Arguments.of("app", List.of(), 1000, 1000, List.of(1000, 29, 50)),
        Arguments.of("1000", List.of(), 1000, 1000, List.of(1000, 29, 50)),
        Arguments.of("app:staff", List.of(), 1000, 50, List.of(50)),
        Arguments.of("app:33", List.of(), 1000, 33, List.of(33)),
        Arguments.of("nobody", List.of(), 65534, 65534, List.of(65534)),
        Arguments.of("4242", List.of(), 4242, 0, List.of(0)),
        Arguments.of("4242:4343", List.of(), 4242, 4343, List.of(4343)),
        Arguments.of("www-data", List.of("audio", "7777", "staff"), 33, 33, List.of(33, 29, 7777, 50)),
        Arguments.of("daemon", List.of("1"), 1, 1, List.of(1, 29)));
  }

  @ParameterizedTest(name = "-u \"{0}\" --group-add {1}")
  @MethodSource("users")
  void resolve(String spec, List<String> groupAdd, int uid, int gid, List<Integer> gids) {
    assertEquals(new ResolvedUser(uid, gid, gids), UserResolver.resolve(rootfs, spec, groupAdd));
  }

  static Stream<Arguments> unknown() {
    return Stream.of(
        Arguments.of("nobody2", List.of(), "unable to find user nobody2: no matching entries in passwd file"),
        Arguments.of("app:nogroup2", List.of(), "unable to find group nogroup2: no matching entries in group file"),
        Arguments.of("app", List.of("video"), "unable to find group video: no matching entries in group file"));
  }

  @ParameterizedTest(name = "-u \"{0}\"")
  @MethodSource("unknown")
  void unknownNames_areUserLookupErrors(String spec, List<String> groupAdd, String message) {
    var e = assertThrows(UserLookupException.class, () -> UserResolver.resolve(rootfs, spec, groupAdd));
    assertEquals(message, e.getMessage());
  }

  @Test
  void outOfRangeIds_areInvalidParameter() {
    var e = assertThrows(InvalidParameterException.class, () -> UserResolver.resolve(rootfs, "-1", List.of()));
    assertEquals("uids and gids must be in range 0-2147483647", e.getMessage());
    assertThrows(InvalidParameterException.class, () -> UserResolver.resolve(rootfs, "99999999999", List.of()));
  }

  @Test
  void missingFiles_allowNumericIdsOnly(@TempDir Path empty) {
    assertEquals(new ResolvedUser(0, 0, List.of(0)), UserResolver.resolve(empty, "", List.of()));
    assertEquals(new ResolvedUser(12, 34, List.of(34, 56)), UserResolver.resolve(empty, "12:34", List.of("56")));
    assertThrows(UserLookupException.class, () -> UserResolver.resolve(empty, "root", List.of()));
  }

  @Test
  void symlinkedPasswdPointingAtRoot_doesNotReadTheHost() throws Exception {
    Files.delete(rootfs.resolve("etc/passwd"));
    Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("/"));
    // The host has a "daemon" user; the container has no passwd file once "/" is taken inside the rootfs.
    var e = assertThrows(UserLookupException.class, () -> UserResolver.resolve(rootfs, "daemon", List.of()));
    assertEquals("unable to find user daemon: no matching entries in passwd file", e.getMessage());
  }

  @Test
  void symlinkClimbingOutOfTheRootfs_staysInside() throws Exception {
    Files.delete(rootfs.resolve("etc/passwd"));
    Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("../../../../../../../../../etc/passwd"));
    // ../ at the container root stays at the root, so this resolves to the rootfs's own etc/passwd: a loop.
    assertThrows(SystemException.class, () -> UserResolver.resolve(rootfs, "daemon", List.of()));
    Files.delete(rootfs.resolve("etc/passwd"));
    Files.createDirectories(rootfs.resolve("usr/lib"));
    Files.writeString(rootfs.resolve("usr/lib/passwd"), "ctr:x:77:88::/:/bin/sh\n");
    Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("../../../../usr/lib/passwd"));
    assertEquals(new ResolvedUser(77, 88, List.of(88)), UserResolver.resolve(rootfs, "ctr", List.of()));
  }

  @Test
  void absoluteSymlinkInAParent_isTakenInsideTheRootfs() throws Exception {
    Files.move(rootfs.resolve("etc"), rootfs.resolve("real-etc"));
    Files.createSymbolicLink(rootfs.resolve("etc"), Path.of("/real-etc"));
    assertEquals(1000, UserResolver.resolve(rootfs, "app", List.of()).uid());
    assertEquals(rootfs.resolve("real-etc/passwd"), RootfsPath.resolve(rootfs, "/etc/passwd"));
  }

  @Test
  void passwdThatIsADevice_isIgnored() throws Exception {
    Files.delete(rootfs.resolve("etc/passwd"));
    Files.createDirectories(rootfs.resolve("dev"));
    Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("/dev/zero"));
    assertThrows(UserLookupException.class, () -> UserResolver.resolve(rootfs, "app", List.of()));
  }

  @Test
  void parse_toleratesShortAndCommentLines() {
    List<PasswdEntry> p = EtcFiles.parsePasswd("# comment\n\nshort:x:5\nfull:x:6:7:gecos:/h:/bin/sh\n");
    assertEquals(List.of(new PasswdEntry("short", 5, 0, "", ""), new PasswdEntry("full", 6, 7, "/h", "/bin/sh")),
        p);
    assertEquals(List.of(new GroupEntry("g", 3, List.of("a", "b"))), EtcFiles.parseGroup("g:x:3:a,b\n"));
  }
}
