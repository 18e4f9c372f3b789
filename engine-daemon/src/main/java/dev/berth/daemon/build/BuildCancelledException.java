package dev.berth.daemon.build;

import dev.berth.api.errors.SystemException;

/** The client went away during the build: the build stops (moby: the request context was cancelled). */
public final class BuildCancelledException extends SystemException {
  BuildCancelledException() {
    super("context canceled");
  }
}
