package dev.berth.daemon.build.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ARG scoping, driven the way a builder drives it through a whole Dockerfile. */
class BuildArgsTest {

  /** Runs the ARG/ENV bookkeeping of a build and returns what {@code WORKDIR /$NAME} expands to per stage. */
  static List<String> workdirs(String dockerfile, Map<String, String> buildArgs) {
    Dockerfile d = Dockerfile.parse(dockerfile);
    ShellLex lex = new ShellLex(d.escapeToken());
    BuildArgs build = new BuildArgs(buildArgs);
    for (Instruction.Arg a : d.metaArgs()) {
      a.expand(new Expansion(lex, build.allowedValues())).args()
          .forEach(x -> build.addMetaArg(x.key(), x.defaultValue()));
    }
    List<String> out = new java.util.ArrayList<>();
    for (Stage s : d.stages()) {
      BuildArgs stage = build.forStage();
      List<String> env = new java.util.ArrayList<>(List.of("PATH=/usr/bin"));
      for (Instruction i : s.commands()) {
        Instruction x = i.expand(new Expansion(lex, stage.expansionEnv(env)));
        switch (x) {
          case Instruction.Arg a -> a.args().forEach(decl -> stage.addArg(decl.key(), decl.defaultValue()));
          case Instruction.Env e -> e.pairs().forEach(p -> env.add(p.key() + "=" + p.value()));
          case Instruction.Workdir w -> out.add(w.path());
          default -> { }
        }
      }
      build.mergeReferenced(stage);
    }
    return out;
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      // meta ARG is not visible inside a stage unless redeclared
      "ARG V=1;FROM a;WORKDIR /$V                       |           | /",
      "ARG V=1;FROM a;ARG V;WORKDIR /$V                 |           | /1",
      "ARG V=1;FROM a;ARG V;WORKDIR /$V                 | V=2       | /2",
      "ARG V=1;FROM a;ARG V=3;WORKDIR /$V               |           | /3",
      "ARG V=1;FROM a;ARG V=3;WORKDIR /$V               | V=2       | /2",
      // stage ARG, with and without --build-arg
      "FROM a;ARG V;WORKDIR /$V                         |           | /",
      "FROM a;ARG V;WORKDIR /$V                         | V=x       | /x",
      "FROM a;ARG V=d;WORKDIR /$V                       |           | /d",
      "FROM a;WORKDIR /$V                               | V=x       | /",
      // only visible after its declaration
      "FROM a;WORKDIR /$V;ARG V=d                       |           | /",
      // ENV wins over ARG
      "FROM a;ARG V=arg;ENV V=env;WORKDIR /$V           |           | /env",
      "FROM a;ENV V=env;ARG V=arg;WORKDIR /$V           | V=cli     | /env",
      // ARG default refers to ENV and to earlier ARGs
      "FROM a;ENV E=e;ARG V=${E}x;WORKDIR /$V           |           | /ex",
      "FROM a;ARG A=1 B=${A}2;WORKDIR /$B               |           | /2",
      "FROM a;ARG A=1;ARG B=${A}2;WORKDIR /$B           |           | /12",
      // scope ends with the stage
      "FROM a;ARG V=1;FROM b;WORKDIR /$V                |           | /",
      // proxy args are allowed without ARG
      "FROM a;WORKDIR /$HTTP_PROXY                      | HTTP_PROXY=p | /p",
      "FROM a;WORKDIR /$http_proxy                      |           | /",
  })
  void scoping(String dockerfile, String buildArg, String expected) {
    Map<String, String> given = new HashMap<>();
    if (buildArg != null) {
      given.put(buildArg.split("=", 2)[0], buildArg.split("=", 2)[1]);
    }
    assertEquals(expected, workdirs(dockerfile.replace(';', '\n'), given).get(0));
  }

  @Test
  void buildArgWithoutValueFallsBackToDefault() {
    Map<String, String> given = new HashMap<>();
    given.put("V", null);
    assertEquals(List.of("/d"), workdirs("FROM a\nARG V=d\nWORKDIR /$V", given));
  }

  @Test
  void filterAllowedSkipsArgsShadowedByEnv() {
    BuildArgs b = new BuildArgs(Map.of("A", "cli")).forStage();
    b.addArg("A", Optional.empty());
    b.addArg("B", Optional.of("b"));
    b.addArg("C", Optional.empty());
    assertEquals(List.of("B=b"), b.filterAllowed(List.of("A=env", "PATH=/bin")));
    assertEquals(Map.of("A", "cli", "B", "b"), b.allowedValues());
  }

  @Test
  void proxyArgsStayOutOfTheCacheKeyUnlessDeclared() {
    BuildArgs b = new BuildArgs(Map.of("HTTP_PROXY", "p", "X", "1")).forStage();
    assertFalse(b.isReferencedOrNotBuiltin("HTTP_PROXY"));
    assertTrue(b.isReferencedOrNotBuiltin("X"));
    b.addArg("HTTP_PROXY", Optional.empty());
    assertTrue(b.isReferencedOrNotBuiltin("HTTP_PROXY"));
  }

  @Test
  void unusedBuildArgsWarning() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("USED", "1");
    given.put("ZED", "2");
    given.put("ALPHA", "3");
    given.put("HTTPS_PROXY", "p");
    BuildArgs build = new BuildArgs(given);
    BuildArgs stage = build.forStage();
    stage.addArg("USED", Optional.empty());
    build.mergeReferenced(stage);
    assertEquals(Optional.of("[Warning] One or more build-args [ALPHA ZED] were not consumed\n"),
        build.unusedWarning());
    assertEquals(Optional.empty(), new BuildArgs(Map.of("HTTP_PROXY", "x")).unusedWarning());
  }

  @Test
  void metaArgsCountAsConsumed() {
    BuildArgs build = new BuildArgs(Map.of("V", "1"));
    build.addMetaArg("V", Optional.empty());
    assertEquals(Optional.empty(), build.unusedWarning());
    assertEquals(Map.of("V", "1"), build.metaValues());
  }
}
