package dev.berth.storage.distribution.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.storage.digest.Digest;
import java.io.IOException;

/** Reads {@code "sha256:…"} strings into {@link Digest}; an invalid digest fails the whole document. */
final class DigestDeserializer extends StdScalarDeserializer<Digest> {
  DigestDeserializer() {
    super(Digest.class);
  }

  @Override
  public Digest deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    String s = p.getValueAsString();
    try {
      return Digest.parse(s);
    } catch (InvalidParameterException e) {
      return (Digest) ctxt.handleWeirdStringValue(Digest.class, s, e.getMessage());
    }
  }
}
