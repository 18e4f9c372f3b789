package dev.berth.storage.distribution.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;

/** The JSON codec for registry documents. Reading is lenient (unknown fields ignored, as Go does). */
public final class ManifestJson {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Go's {@code json.MarshalIndent(v, "", "   ")}, which docker/distribution uses for the manifests it builds. */
  private static final ObjectWriter GO_INDENT;

  static {
    DefaultIndenter indenter = new DefaultIndenter("   ", "\n");
    Separators seps = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter)
        .withSeparators(seps);
    GO_INDENT = MAPPER.writer(pp);
  }

  private ManifestJson() {}

  /** Serialises a manifest the way docker/distribution does (3-space indent, no trailing newline). */
  public static byte[] goIndent(Object value) {
    try {
      return GO_INDENT.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  public static <T> T read(byte[] json, Class<T> type) throws IOException {
    return MAPPER.readValue(json, type);
  }
}
