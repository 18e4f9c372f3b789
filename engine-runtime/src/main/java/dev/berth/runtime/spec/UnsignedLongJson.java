package dev.berth.runtime.spec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.math.BigInteger;

/** Go {@code uint64} fields held in a Java {@code long}: written and read as unsigned decimal numbers. */
final class UnsignedLongJson {
  private UnsignedLongJson() {}

  static final class Writer extends JsonSerializer<Long> {
    @Override
    public void serialize(Long value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeNumber(new BigInteger(Long.toUnsignedString(value)));
    }
  }

  static final class Reader extends JsonDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return p.getBigIntegerValue().longValue();
    }

    /** Absent or null means 0, as in Go. */
    @Override
    public Long getNullValue(DeserializationContext ctxt) {
      return 0L;
    }
  }
}
