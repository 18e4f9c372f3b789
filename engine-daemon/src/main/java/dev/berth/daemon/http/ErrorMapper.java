package dev.berth.daemon.http;

import static io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST;
import static io.netty.handler.codec.http.HttpResponseStatus.CONFLICT;
import static io.netty.handler.codec.http.HttpResponseStatus.FORBIDDEN;
import static io.netty.handler.codec.http.HttpResponseStatus.INTERNAL_SERVER_ERROR;
import static io.netty.handler.codec.http.HttpResponseStatus.NOT_FOUND;
import static io.netty.handler.codec.http.HttpResponseStatus.NOT_IMPLEMENTED;
import static io.netty.handler.codec.http.HttpResponseStatus.NOT_MODIFIED;
import static io.netty.handler.codec.http.HttpResponseStatus.SERVICE_UNAVAILABLE;
import static io.netty.handler.codec.http.HttpResponseStatus.UNAUTHORIZED;

import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.ForbiddenException;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotFoundException;
import dev.berth.api.errors.NotImplementedException;
import dev.berth.api.errors.NotModifiedException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.errors.UnauthorizedException;
import dev.berth.api.errors.UnavailableException;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The only place that turns an error kind into an HTTP status (moby {@code errdefs.GetHTTPErrorStatusCode}). */
public final class ErrorMapper {
  private ErrorMapper() {}

  public static HttpResponseStatus statusOf(Throwable t) {
    return switch (unwrap(t)) {
      case NotModifiedException e -> NOT_MODIFIED;
      case InvalidParameterException e -> BAD_REQUEST;
      case UnauthorizedException e -> UNAUTHORIZED;
      case ForbiddenException e -> FORBIDDEN;
      case NotFoundException e -> NOT_FOUND;
      case ConflictException e -> CONFLICT;
      case NotImplementedException e -> NOT_IMPLEMENTED;
      case UnavailableException e -> SERVICE_UNAVAILABLE;
      case SystemException e -> INTERNAL_SERVER_ERROR;
      default -> INTERNAL_SERVER_ERROR;
    };
  }

  /** The message users see: the engine error's own text, or a generic one for unexpected failures. */
  public static String messageOf(Throwable t) {
    Throwable u = unwrap(t);
    String m = u.getMessage();
    return m == null || m.isEmpty() ? u.getClass().getSimpleName() : m;
  }

  public static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
