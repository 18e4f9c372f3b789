package dev.berth.daemon.build.dockerfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * ARG scoping of the classic builder (moby {@code BuildArgs}). Meta args (ARGs before the first FROM) are visible in
 * FROM lines; inside a stage only ARGs declared in that stage are, taking their value from {@code --build-arg}, else
 * the ARG's default, else the meta arg of the same name. The proxy args (HTTP_PROXY …) are allowed without an ARG
 * but are left out of the cache key unless declared.
 *
 * <p>Use: one instance per build ({@code new BuildArgs(buildargs)}), {@link #addMetaArg} for each expanded meta
 * ARG, then {@link #forStage()} at every FROM; in the stage {@link #addArg} on each expanded ARG and
 * {@link #expansionEnv} before each instruction; {@link #mergeReferenced} at the end of a stage and
 * {@link #unusedWarning()} at the end of the build.
 */
public final class BuildArgs {
  public static final Set<String> BUILTIN = Set.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy",
      "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy");

  private final Map<String, Optional<String>> fromOptions;
  private final Map<String, Optional<String>> allowedMeta;
  private Map<String, Optional<String>> allowed;
  private final Set<String> referenced;

  /** @param buildArgs the request's {@code buildargs}; a null value is {@code --build-arg NAME} with NAME unset */
  public BuildArgs(Map<String, String> buildArgs) {
    this(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new HashSet<>());
    buildArgs.forEach((k, v) -> fromOptions.put(k, Optional.ofNullable(v)));
  }

  private BuildArgs(Map<String, Optional<String>> fromOptions, Map<String, Optional<String>> allowedMeta,
      Map<String, Optional<String>> allowed, Set<String> referenced) {
    this.fromOptions = fromOptions;
    this.allowedMeta = allowedMeta;
    this.allowed = allowed;
    this.referenced = referenced;
  }

  /** A copy for a new stage: meta args and options kept, stage ARGs reset (moby Clone + ResetAllowed). */
  public BuildArgs forStage() {
    return new BuildArgs(new LinkedHashMap<>(fromOptions), new LinkedHashMap<>(allowedMeta), new LinkedHashMap<>(),
        new HashSet<>(referenced));
  }

  /** Records a meta ARG (before the first FROM); its value must already be expanded with {@link #allowedValues}. */
  public void addMetaArg(String key, Optional<String> defaultValue) {
    allowed.put(key, defaultValue);
    referenced.add(key);
    allowedMeta.put(key, defaultValue);
  }

  /** Records an ARG inside a stage; its default must already be expanded. */
  public void addArg(String key, Optional<String> defaultValue) {
    allowed.put(key, defaultValue);
    referenced.add(key);
  }

  /** Values for FROM expansion. */
  public Map<String, String> metaValues() {
    return valuesOf(allowedMeta);
  }

  /** Values of the args allowed in the current stage (plus proxy args given as --build-arg). */
  public Map<String, String> allowedValues() {
    return valuesOf(allowed);
  }

  /** Allowed args not overridden by ENV, as {@code K=V} (what RUN gets in its environment). */
  public List<String> filterAllowed(List<String> env) {
    Set<String> envKeys = new HashSet<>();
    env.forEach(e -> envKeys.add(e.split("=", 2)[0]));
    List<String> out = new ArrayList<>();
    allowedValues().forEach((k, v) -> {
      if (!envKeys.contains(k)) {
        out.add(k + "=" + v);
      }
    });
    return out;
  }

  /** The variables an instruction is expanded with: {@code env} (KEY=VALUE list) plus {@link #filterAllowed}. */
  public Map<String, String> expansionEnv(List<String> env) {
    Map<String, String> out = new HashMap<>();
    List<String> all = new ArrayList<>(env);
    all.addAll(filterAllowed(env));
    for (String e : all) {
      String[] kv = e.split("=", 2);
      out.put(kv[0], kv.length == 2 ? kv[1] : "");
    }
    return out;
  }

  public boolean isReferencedOrNotBuiltin(String key) {
    return allowed.containsKey(key) || !BUILTIN.contains(key);
  }

  /** Carries the ARGs a finished stage referenced back into the build-wide instance. */
  public void mergeReferenced(BuildArgs stage) {
    referenced.addAll(stage.referenced);
  }

  /** dockerd's warning for --build-args no ARG consumed, if any. */
  public Optional<String> unusedWarning() {
    Set<String> left = new TreeSet<>();
    for (String k : fromOptions.keySet()) {
      if (!BUILTIN.contains(k) && !referenced.contains(k)) {
        left.add(k);
      }
    }
    return left.isEmpty() ? Optional.empty()
        : Optional.of("[Warning] One or more build-args [" + String.join(" ", left) + "] were not consumed\n");
  }

  private Map<String, String> valuesOf(Map<String, Optional<String>> source) {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> keys = new java.util.LinkedHashSet<>(source.keySet());
    keys.addAll(BUILTIN);
    for (String key : keys) {
      value(key, source).ifPresent(v -> out.put(key, v));
    }
    return Collections.unmodifiableMap(out);
  }

  private Optional<String> value(String key, Map<String, Optional<String>> source) {
    Optional<String> option = fromOptions.getOrDefault(key, Optional.empty());
    if (option.isPresent()) {
      return BUILTIN.contains(key) || source.containsKey(key) ? option : Optional.empty();
    }
    Optional<String> def = source.get(key);
    if (def == null || def.isEmpty()) {
      return allowedMeta.getOrDefault(key, Optional.empty());
    }
    return def;
  }
}
