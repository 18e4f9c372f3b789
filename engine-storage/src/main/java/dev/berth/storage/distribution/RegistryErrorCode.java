package dev.berth.storage.distribution;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The error codes docker/distribution registers ({@code errcode/register.go}, {@code api/v2/errors.go}) with
 * their default messages and HTTP statuses. Codes a registry sends that are not listed read as {@link #UNKNOWN},
 * exactly as Go's {@code ErrorCode.UnmarshalText} does.
 */
enum RegistryErrorCode {
  UNKNOWN("unknown error", 500),
  UNSUPPORTED("The operation is unsupported.", 405),
  UNAUTHORIZED("authentication required", 401),
  DENIED("requested access to the resource is denied", 403),
  UNAVAILABLE("service unavailable", 503),
  TOOMANYREQUESTS("too many requests", 429),
  DIGEST_INVALID("provided digest did not match uploaded content", 400),
  SIZE_INVALID("provided length did not match content length", 400),
  NAME_INVALID("invalid repository name", 400),
  TAG_INVALID("manifest tag did not match URI", 400),
  NAME_UNKNOWN("repository name not known to registry", 404),
  MANIFEST_UNKNOWN("manifest unknown", 404),
  MANIFEST_INVALID("manifest invalid", 400),
  MANIFEST_UNVERIFIED("manifest failed signature verification", 400),
  MANIFEST_BLOB_UNKNOWN("blob unknown to registry", 400),
  BLOB_UNKNOWN("blob unknown to registry", 404),
  BLOB_UPLOAD_UNKNOWN("blob upload unknown to registry", 404),
  BLOB_UPLOAD_INVALID("blob upload invalid", 404),
  PAGINATION_NUMBER_INVALID("invalid number of results requested", 400);

  private static final Map<String, RegistryErrorCode> BY_VALUE =
      Arrays.stream(values()).collect(Collectors.toMap(Enum::name, Function.identity()));

  final String defaultMessage;
  final int httpStatus;

  RegistryErrorCode(String defaultMessage, int httpStatus) {
    this.defaultMessage = defaultMessage;
    this.httpStatus = httpStatus;
  }

  static RegistryErrorCode of(String value) {
    return value == null ? UNKNOWN : BY_VALUE.getOrDefault(value, UNKNOWN);
  }

  /** Go's {@code ErrorCode.Error()}: "MANIFEST_UNKNOWN" → "manifest unknown". */
  String text() {
    return name().replace('_', ' ').toLowerCase(Locale.ROOT);
  }
}
