package dev.berth.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.ForbiddenException;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotFoundException;
import dev.berth.api.errors.NotImplementedException;
import dev.berth.api.errors.NotModifiedException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.errors.UnauthorizedException;
import dev.berth.api.errors.UnavailableException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMapperTest {

  /** A module-specific specialisation of a kind, as modules are told to write. */
  static final class NoSuchImageException extends NotFoundException {
    NoSuchImageException(String m) {
      super(m);
    }
  }

  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of(new NotModifiedException("m"), 304),
        Arguments.of(new InvalidParameterException("m"), 400),
        Arguments.of(new UnauthorizedException("m"), 401),
        Arguments.of(new ForbiddenException("m"), 403),
        Arguments.of(new NotFoundException("m"), 404),
        Arguments.of(new NoSuchImageException("m"), 404),
        Arguments.of(new ConflictException("m"), 409),
        Arguments.of(new NotImplementedException("m"), 501),
        Arguments.of(new UnavailableException("m"), 503),
        Arguments.of(new SystemException("m"), 500),
        Arguments.of(new IllegalStateException("m"), 500),
        Arguments.of(new IOException("m"), 500),
        Arguments.of(new OutOfMemoryError("m"), 500));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("kinds")
  void statusOf(Throwable t, int status) {
    assertEquals(status, ErrorMapper.statusOf(t).code());
  }

  @ParameterizedTest(name = "wrapped {0} -> {1}")
  @MethodSource("kinds")
  void statusOf_unwrapsCompletionAndExecutionExceptions(Throwable t, int status) {
    assertEquals(status, ErrorMapper.statusOf(new CompletionException(t)).code());
    assertEquals(status, ErrorMapper.statusOf(new ExecutionException(t)).code());
    assertEquals(status,
        ErrorMapper.statusOf(new CompletionException(new ExecutionException(new CompletionException(t)))).code());
  }

  @Test
  void otherWrappersAreNotUnwrapped() {
    assertEquals(500, ErrorMapper.statusOf(new RuntimeException(new ConflictException("c"))).code());
  }

  @Test
  void completionWithoutCause_is500() {
    CompletionException ce = new CompletionException("no cause", null);
    assertSame(ce, ErrorMapper.unwrap(ce));
    assertEquals(500, ErrorMapper.statusOf(ce).code());
  }

  @Test
  void messageOf() {
    assertEquals("conflict!", ErrorMapper.messageOf(new CompletionException(new ConflictException("conflict!"))));
    assertEquals("IllegalStateException", ErrorMapper.messageOf(new IllegalStateException()));
    assertEquals("IllegalStateException", ErrorMapper.messageOf(new IllegalStateException("")));
  }
}
