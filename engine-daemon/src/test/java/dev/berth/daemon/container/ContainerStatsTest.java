package dev.berth.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerStatsTest {
  @Test
  void netDev_parsedWithoutLoopback() {
    var m = ContainerStats.parseNetDev(List.of(
        "Inter-|   Receive                                                |  Transmit",
        " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls "
            + "carrier compressed",
        "    lo:     100       2    0    0    0     0          0         0      100       2    0    0    0     0"
            + "       0          0",
        "  eth0:    1296      16    1    2    0     0          0         0      656       8    3    4    0     0"
            + "       0          0"));
    assertEquals(1, m.size());
    var e = m.get("eth0");
    assertEquals(1296, e.rxBytes());
    assertEquals(16, e.rxPackets());
    assertEquals(1, e.rxErrors());
    assertEquals(2, e.rxDropped());
    assertEquals(656, e.txBytes());
    assertEquals(8, e.txPackets());
    assertEquals(3, e.txErrors());
    assertEquals(4, e.txDropped());
  }
}
