package dev.berth.daemon.http;

import io.netty.handler.codec.http.HttpHeaders;

/** The headers moby puts on every response: {@code Api-Version}, {@code Server}, {@code Ostype}, experimental. */
public record ServerIdentity(String engineVersion, boolean experimental) {

  public void apply(HttpHeaders h) {
    h.set("Api-Version", ApiVersion.MAX);
    h.set("Server", "Docker/" + engineVersion + " (linux)");
    h.set("Ostype", "linux");
    h.set("Docker-Experimental", Boolean.toString(experimental));
  }
}
