package dev.berth.storage.distribution;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, behind an interface so endpoint tests need no DNS. */
@FunctionalInterface
interface HostResolver {
  HostResolver SYSTEM = InetAddress::getAllByName;

  InetAddress[] resolve(String host) throws UnknownHostException;
}
