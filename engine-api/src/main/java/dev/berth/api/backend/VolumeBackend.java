package dev.berth.api.backend;

import dev.berth.api.filters.Filters;
import dev.berth.api.model.volume.Volume;
import dev.berth.api.model.volume.VolumeCreateRequest;
import dev.berth.api.model.volume.VolumePruneResponse;
import java.util.List;

/**
 * What the {@code /volumes} routes need (moby {@code volume.Backend}). Errors are engine error kinds with
 * dockerd's messages ({@code get x: no such volume}, {@code remove x: volume is in use - [ids]}).
 */
public interface VolumeBackend {

  /** {@code GET /volumes}: filters {@code dangling}, {@code driver}, {@code label}, {@code name}. */
  List<Volume> list(Filters filters);

  /** {@code GET /volumes/{name}}. */
  Volume inspect(String name);

  /** {@code POST /volumes/create}; emits {@code volume create}. Creating an existing name returns it. */
  Volume create(VolumeCreateRequest request);

  /** {@code DELETE /volumes/{name}}; {@code force} ignores a missing volume. Emits {@code volume destroy}. */
  void remove(String name, boolean force);

  /**
   * {@code POST /volumes/prune}: unused anonymous volumes, or every unused volume with {@code all=true}; filters
   * {@code label}, {@code label!}, {@code all}.
   */
  VolumePruneResponse prune(Filters filters);
}
