package dev.berth.daemon.build.dockerfile;

import java.util.List;
import java.util.Map;

/**
 * Variable substitution as the classic builder does it (buildkit {@code shell.Lex}): {@code $VAR}, {@code ${VAR}},
 * {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:+alt}}, {@code ${VAR+alt}}, {@code ${VAR:?msg}},
 * {@code ${VAR?msg}}; single quotes are literal, double quotes expand, the escape token escapes the next character.
 * Unset variables expand to the empty string. Quotes are removed from the result.
 */
public final class ShellLex {
  private final int escapeToken;

  public ShellLex(char escapeToken) {
    this.escapeToken = escapeToken;
  }

  /** Expands one word (ENV values, WORKDIR, COPY paths …); whitespace is kept. */
  public String processWord(String word, Map<String, String> env) {
    return run(word, env).word();
  }

  /** Expands and splits into words like a shell would (EXPOSE's multi-word expansion). */
  public List<String> processWords(String word, Map<String, String> env) {
    return run(word, env).words();
  }

  private ShellWord.Result run(String source, Map<String, String> env) {
    try {
      return new ShellWord(source, env, escapeToken).process();
    } catch (DockerfileException e) {
      throw new DockerfileException("failed to process " + GoQuote.quote(source) + ": " + e.getMessage());
    }
  }
}
