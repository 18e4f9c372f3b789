package dev.berth.daemon.http;

import java.util.List;

/** A table of routes for one resource, e.g. {@code SystemRoutes}. */
public interface Router {
  List<Route> routes();
}
