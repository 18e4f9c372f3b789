package dev.berth.api.backend;

import java.time.Instant;

/**
 * {@code GET /containers/{id}/logs} parameters.
 *
 * @param tail number of last lines, or -1 for all
 */
public record LogsOptions(boolean stdout, boolean stderr, boolean follow, Instant since, Instant until,
    boolean timestamps, int tail, boolean details) {}
