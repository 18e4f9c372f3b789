package dev.berth.storage.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.berth.api.errors.InvalidParameterException;
import java.io.IOException;

/**
 * The storage module's JSON mapper. Inclusion is decided per component with {@code @JsonInclude}, mirroring Go's
 * {@code omitempty}, so the default includes everything. Unknown fields are ignored, as Go does.
 */
public final class Json {
  private Json() {}

  public static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /** Parses untrusted input; malformed JSON is the caller's fault, so it is an invalid parameter. */
  public static <T> T read(byte[] data, Class<T> type) {
    try {
      return MAPPER.readValue(data, type);
    } catch (IOException e) {
      throw new InvalidParameterException("invalid JSON for " + type.getSimpleName() + ": " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()),
          e);
    }
  }

  /** Parses our own files; corruption is a system error the caller reports. */
  public static <T> T readTrusted(byte[] data, Class<T> type) throws IOException {
    return MAPPER.readValue(data, type);
  }
}
