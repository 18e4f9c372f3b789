/**
 * {@code docker build} with dockerd's classic builder ({@code POST /build}).
 *
 * <pre>{@code
 * Builder b = new Builder(containerBackend, imageBackend, imageService, fsOps, dataRoot, dockerVersion);
 * String imageId = b.build(options, contextTar, jsonMessage -> …);   // the CLI's JSON stream
 * }</pre>
 *
 * <p>{@link dev.berth.daemon.build.BuildContext} unpacks the context under {@code <data-root>/builder/tmp} with
 * the layer unpacker's path-safety rules; {@link dev.berth.daemon.build.BuildRun} walks the stages of the parsed
 * {@code dockerfile} package; {@link dev.berth.daemon.build.StepDispatcher} turns each instruction into an image:
 * RUN through {@link dev.berth.daemon.build.RunStep} (a container via {@code ContainerBackend}, its upper dir
 * committed as a layer), COPY/ADD through {@link dev.berth.daemon.build.CopyStep} (a layer tar generated from the
 * context or an earlier stage's {@link dev.berth.daemon.build.ImageTree}, no container), WORKDIR as a layer when
 * the directory is missing, everything else as a config-only image with an {@code empty_layer} history entry
 * ({@link dev.berth.daemon.build.MetadataStep}). {@link dev.berth.daemon.build.BuildCache} reuses steps across
 * builds and restarts.
 */
package dev.berth.daemon.build;
