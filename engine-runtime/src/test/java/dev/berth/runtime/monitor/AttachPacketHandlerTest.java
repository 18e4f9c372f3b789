package dev.berth.runtime.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.logging.StdStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachPacketHandlerTest {
  @Test
  void decodesStreamIdsAndReportsClose() {
    List<String> got = new ArrayList<>();
    boolean[] closed = {false};
    StreamSink sink = new StreamSink() {
      @Override
      public void output(StdStream stream, byte[] data) {
        got.add(stream + ":" + new String(data, StandardCharsets.UTF_8));
      }

      @Override
      public void closed() {
        closed[0] = true;
      }
    };
    EmbeddedChannel ch = new EmbeddedChannel(new AttachPacketHandler(sink));
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {2, 'o', 'u', 't'}));
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {3, 'e', 'r', 'r'}));
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {9, 'x'})); // unknown stream id: ignored
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {2})); // empty payload: ignored
    ch.close();
    assertEquals(List.of("STDOUT:out", "STDERR:err"), got);
    assertTrue(closed[0]);
  }
}
