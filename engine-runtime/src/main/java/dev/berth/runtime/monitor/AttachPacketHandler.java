package dev.berth.runtime.monitor;

import dev.berth.runtime.logging.StdStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decodes conmon attach packets ({@code [2|3] data…}) into {@link StreamSink} calls. */
final class AttachPacketHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(AttachPacketHandler.class);

  private final StreamSink sink;

  AttachPacketHandler(StreamSink sink) {
    this.sink = sink;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf packet = (ByteBuf) msg;
    try {
      if (packet.readableBytes() < 1) {
        return;
      }
      StdStream stream = StdStream.ofConmonId(packet.readByte());
      if (stream != null && packet.isReadable()) {
        sink.output(stream, ByteBufUtil.getBytes(packet));
      }
    } finally {
      packet.release();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    sink.closed();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("attach connection failed", cause);
    ctx.close();
  }
}
