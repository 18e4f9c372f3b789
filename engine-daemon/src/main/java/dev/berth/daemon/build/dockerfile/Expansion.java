package dev.berth.daemon.build.dockerfile;

import java.util.List;
import java.util.Map;

/**
 * The environment one instruction is expanded with: the stage's ENV (image config Env, with the default PATH) plus
 * the build args allowed in the stage that ENV does not override (moby {@code dispatch}: runConfig.Env +
 * {@code buildArgs.FilterAllowed}). See {@link BuildArgs#expansionEnv}.
 */
public record Expansion(ShellLex lex, Map<String, String> env) {

  public Expansion {
    env = Map.copyOf(env);
  }

  public String word(String word) {
    return lex.processWord(word, env);
  }

  public List<String> words(String word) {
    return lex.processWords(word, env);
  }

  List<String> each(List<String> words) {
    return words.stream().map(this::word).toList();
  }
}
