package dev.berth.runtime.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes {@code config.json}. Writes go through a temp file and an atomic move. */
public final class SpecJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private SpecJson() {}

  public static String toJson(Spec spec) {
    try {
      return MAPPER.writeValueAsString(spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code process.json} for {@code runc exec --process}. */
  public static String toJson(ProcessSpec process) {
    try {
      return MAPPER.writeValueAsString(process);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes an exec's process description to {@code file} (temp file + atomic move). */
  public static Path writeProcess(ProcessSpec process, Path file) {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, toJson(process));
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new SystemException("cannot write process spec to " + file, e);
    }
  }

  public static Spec fromJson(String json) {
    try {
      return MAPPER.readValue(json, Spec.class);
    } catch (IOException e) {
      throw new SystemException("cannot decode OCI spec", e);
    }
  }

  /** Writes {@code bundle/config.json} atomically. */
  public static Path write(Spec spec, Path bundle) {
    Path target = bundle.resolve("config.json");
    Path tmp = bundle.resolve(".config.json.tmp");
    try {
      Files.writeString(tmp, toJson(spec));
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new SystemException("cannot write OCI spec to " + target, e);
    }
  }

  public static Spec read(Path bundle) {
    try {
      return fromJson(Files.readString(bundle.resolve("config.json")));
    } catch (IOException e) {
      throw new SystemException("cannot read OCI spec from " + bundle, e);
    }
  }
}
