package dev.berth.storage.distribution;

import dev.berth.storage.digest.Digest;

/**
 * A pushed manifest: the daemon prints {@code "<tag>: digest: <digest> size: <size>"} and sends the aux message
 * {@code {"Tag","Digest","Size"}} from it.
 */
public record PushResult(String tag, Digest digest, int size, String mediaType, byte[] manifest) {}
