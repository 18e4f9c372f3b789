package dev.berth.api.errors;

/**
 * The one error hierarchy of the engine. Each permitted subclass is a kind that maps to exactly one HTTP status
 * in the daemon's {@code ErrorMapper}; modules specialise a kind (say {@code NoSuchImageException extends
 * NotFoundException}) but the set of kinds is closed.
 */
public abstract sealed class EngineException extends RuntimeException
    permits NotFoundException, InvalidParameterException, ConflictException, NotModifiedException,
        UnauthorizedException, ForbiddenException, UnavailableException, NotImplementedException,
        SystemException {

  EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
