package dev.berth.storage.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.errors.EngineException;
import dev.berth.api.errors.ForbiddenException;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotFoundException;
import dev.berth.api.errors.NotImplementedException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.errors.UnauthorizedException;
import dev.berth.api.errors.UnavailableException;
import dev.berth.storage.distribution.manifest.ManifestJson;
import dev.berth.storage.distribution.manifest.MediaTypes;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place registry error responses become engine error kinds. Decoding follows docker/distribution's
 * {@code HandleErrorResponse} (bearer {@code error=} challenges, JSON error lists, the legacy {@code details}
 * form, plain-text bodies); kinds follow moby: {@code translatePullError} for pulls, and the registry code's HTTP
 * status ({@code statusCodeFromDistributionError}) otherwise. Messages are dockerd's, word for word.
 */
public final class RegistryErrors {
  private RegistryErrors() {}

  /** Decodes an error response (the body already read). */
  static RegistryResponseException fromResponse(int status, HttpHeaders headers, byte[] body) {
    if (status < 400 || status >= 500) {
      return new RegistryResponseException(status, List.of(),
          "received unexpected HTTP status: " + HttpStatusText.status(status));
    }
    List<RegistryError> errors = new ArrayList<>();
    for (AuthChallenge c : AuthChallenge.parse(headers.allValues("WWW-Authenticate"))) {
      if (c.scheme().equals("bearer")) {
        RegistryErrorCode code = switch (c.param("error")) {
          case "invalid_token" -> RegistryErrorCode.UNAUTHORIZED;
          case "insufficient_scope" -> RegistryErrorCode.DENIED;
          default -> null;
        };
        if (code != null) {
          String d = c.param("error_description");
          errors.add(RegistryError.withMessage(code, d.isEmpty() ? code.defaultMessage : d));
          break;
        }
      }
    }
    RegistryResponseException bodyErr = fromBody(status, headers, body);
    errors.addAll(bodyErr.errors());
    if (errors.isEmpty()) {
      return bodyErr;
    }
    return new RegistryResponseException(status, errors, goString(errors));
  }

  private static RegistryResponseException fromBody(int status, HttpHeaders headers, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    String ct = MediaTypes.base(headers.firstValue("Content-Type").orElse(""));
    if (ct.isEmpty() || !(ct.equals("application/json") || ct.equals("application/vnd.api+json"))) {
      return make(status, text);
    }
    JsonNode tree;
    try {
      tree = ManifestJson.MAPPER.readTree(body);
    } catch (IOException e) {
      return unexpected(status, "invalid character", text);
    }
    if (tree != null && tree.path("details").isTextual() && !tree.path("details").asText().isEmpty()) {
      return make(status, tree.path("details").asText());
    }
    List<RegistryError> errors = new ArrayList<>();
    if (tree != null) {
      for (JsonNode e : tree.path("errors")) {
        errors.add(RegistryError.decoded(e.path("code").asText(null), e.path("message").asText(""),
            e.hasNonNull("detail")));
      }
    }
    if (errors.isEmpty()) {
      return unexpected(status, "no error details found in HTTP response body", text);
    }
    return new RegistryResponseException(status, errors, goString(errors));
  }

  /** moby {@code makeError}: a status-derived code carrying the body text. */
  private static RegistryResponseException make(int status, String details) {
    RegistryErrorCode code = switch (status) {
      case 401 -> RegistryErrorCode.UNAUTHORIZED;
      case 403 -> RegistryErrorCode.DENIED;
      case 429 -> RegistryErrorCode.TOOMANYREQUESTS;
      default -> RegistryErrorCode.UNKNOWN;
    };
    RegistryError e = RegistryError.withMessage(code, details);
    return new RegistryResponseException(status, List.of(e), e.goString());
  }

  private static RegistryResponseException unexpected(int status, String parseError, String body) {
    if (status == 401) {
      RegistryError e = RegistryError.withMessage(RegistryErrorCode.UNAUTHORIZED,
          RegistryErrorCode.UNAUTHORIZED.defaultMessage);
      return new RegistryResponseException(status, List.of(e), e.goString());
    }
    return new RegistryResponseException(status, List.of(), "error parsing HTTP " + status + " response body: "
        + parseError + ": " + goQuote(body));
  }

  /** Go's {@code errcode.Errors.Error()}. */
  static String goString(List<RegistryError> errors) {
    if (errors.size() == 1) {
      return errors.get(0).goString();
    }
    StringBuilder sb = new StringBuilder("errors:\n");
    errors.forEach(e -> sb.append(e.goString()).append('\n'));
    return sb.toString();
  }

  /** Translation for everything except pulls: the first error's registered HTTP status picks the kind. */
  public static EngineException toException(RuntimeException e) {
    if (e instanceof EngineException ee) {
      return ee;
    }
    if (e instanceof RegistryResponseException r) {
      RegistryError first = r.first();
      int status = first == null ? 500 : first.code().httpStatus;
      return ofStatus(status, r.getMessage(), r);
    }
    return new SystemException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
  }

  /** moby {@code translatePullError}: only the first registry error counts. */
  public static EngineException toPullException(RuntimeException e, RemoteReference ref) {
    if (!(e instanceof RegistryResponseException r) || r.first() == null || r.wrapped()) {
      return toException(e);
    }
    RegistryError first = r.first();
    String text = first.goString();
    if (!first.codeOnly()) {
      switch (first.code()) {
        case DENIED -> {
          return new NotFoundException("pull access denied for " + ref.familiarName()
              + ", repository does not exist or may require 'docker login': " + text, r);
        }
        case MANIFEST_UNKNOWN -> {
          return new NotFoundException("manifest for " + ref.familiarString() + " not found: " + text, r);
        }
        case NAME_UNKNOWN -> {
          return new NotFoundException("repository " + ref.familiarName() + " not found: " + text, r);
        }
        case UNAUTHORIZED -> {
          return new UnauthorizedException(text, r);
        }
        default -> { }
      }
    }
    return ofStatus(first.code().httpStatus, text, r);
  }

  private static EngineException ofStatus(int status, String message, Throwable cause) {
    return switch (status) {
      case 400 -> new InvalidParameterException(message, cause);
      case 401 -> new UnauthorizedException(message, cause);
      case 403 -> new ForbiddenException(message, cause);
      case 404 -> new NotFoundException(message, cause);
      case 405 -> new NotImplementedException(message, cause);
      case 429, 503 -> new UnavailableException(message, cause);
      default -> new SystemException(message, cause);
    };
  }

  /** Go's {@code %q}. */
  static String goQuote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
      }
    }
    return sb.append('"').toString();
  }
}
