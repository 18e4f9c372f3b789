package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Response of {@code POST /containers/{id}/exec} (Go {@code common.IDResponse}). */
public record ExecCreateResponse(@JsonProperty("Id") String id) {}
