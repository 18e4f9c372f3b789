package dev.berth.runtime.monitor;

import dev.berth.api.errors.SystemException;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@link Attacher} for conmon: the JDK and Netty cannot connect SEQPACKET sockets, so a native
 * {@link SeqpacketConnector} connects and Netty's epoll transport drives the fd (each read is one packet:
 * 1 stream byte + data). Never blocks an event loop; the caller (a virtual thread) waits only for registration.
 */
public final class ConmonAttacher implements Attacher {
  /** conmon sends at most 8192 data bytes + 1 id byte per packet; a larger buffer always holds one packet. */
  private static final int PACKET_BUFFER = 65536;

  private final EventLoopGroup group;
  private final SeqpacketConnector connector;

  /**
   * @param group an epoll event loop group ({@code MultiThreadIoEventLoopGroup} with {@code EpollIoHandler})
   */
  public ConmonAttacher(EventLoopGroup group, SeqpacketConnector connector) {
    this.group = group;
    this.connector = connector;
  }

  @Override
  public AttachConnection attach(Path attachSocket, StreamSink sink) {
    int fd = connector.connect(attachSocket);
    EpollDomainSocketChannel channel = new EpollDomainSocketChannel(fd);
    channel.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(PACKET_BUFFER));
    NettyAttachConnection connection = new NettyAttachConnection(channel);
    channel.pipeline().addLast(new AttachPacketHandler(sink));
    ChannelFuture registered = group.register(channel);
    if (!registered.awaitUninterruptibly(10, TimeUnit.SECONDS) || !registered.isSuccess()) {
      channel.unsafe().closeForcibly();
      throw new SystemException("cannot register the attach socket " + attachSocket, registered.cause());
    }
    return connection;
  }
}
