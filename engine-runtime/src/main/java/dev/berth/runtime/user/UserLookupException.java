package dev.berth.runtime.user;

import dev.berth.api.errors.InvalidParameterException;

/**
 * A user or group named by {@code -u}/{@code --group-add} does not exist in the container, e.g. "unable to find
 * user nobody2: no matching entries in passwd file". dockerd reports it as InvalidParameter from exec create and
 * as a System error when a container fails to start.
 */
public final class UserLookupException extends InvalidParameterException {
  public UserLookupException(String message) {
    super(message);
  }
}
