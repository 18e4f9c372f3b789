package dev.berth.storage.distribution;

/** A line without byte counts, e.g. {@code {"status":"Pulling from library/busybox","id":"latest"}}. */
public record StatusMessage(String id, String status) implements ProgressEvent {}
