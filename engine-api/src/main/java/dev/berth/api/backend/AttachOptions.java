package dev.berth.api.backend;

/**
 * {@code POST /containers/{id}/attach} parameters.
 *
 * @param detachKeys the key sequence that detaches ({@code ctrl-p,ctrl-q} by default), or null for the default
 */
public record AttachOptions(boolean stream, boolean logs, boolean stdin, boolean stdout, boolean stderr,
    String detachKeys) {}
