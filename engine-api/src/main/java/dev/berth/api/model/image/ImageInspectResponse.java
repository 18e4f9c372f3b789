package dev.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.api.model.GoTime;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.storage.DriverData;
import java.util.List;

/**
 * Response of {@code GET /images/{name}/json} (Go {@code image.InspectResponse}, swagger {@code ImageInspect}),
 * in Go's key order.
 *
 * <p>Version shaping is the route's job, as in dockerd's {@code getImagesByName}: {@code VirtualSize} (= Size)
 * only below API 1.44; {@code Container}/{@code ContainerConfig} only below 1.45, and there always (dockerd adds
 * them as extra fields: {@code ""} and an all-empty config for an image without them; docker-compose v1 reads
 * {@code ContainerConfig.Volumes} unconditionally when it recreates a container);
 * {@code Descriptor} only from 1.48. Below 1.50 dockerd replaces {@code Config} by the legacy
 * {@link ContainerConfig} form: the route writes {@code config().toContainerConfig()} under the {@code "Config"}
 * key instead (e.g. by swapping that node of the serialized tree). {@code RepoTags}/{@code RepoDigests} are
 * {@code []} rather than {@code null}. {@code Created} is RFC 3339 nano and {@code omitempty}.
 * {@code GraphDriver}, {@code RootFS} and {@code Metadata} are Go values and never {@code null}.
 */
public record ImageInspectResponse(
    @JsonProperty("Id") String id,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("RepoDigests") List<String> repoDigests,
    @JsonProperty("Parent") String parent,
    @JsonProperty("Comment") String comment,
    @JsonProperty("Created") @JsonInclude(Include.NON_EMPTY) String created,
    @JsonProperty("Container") @JsonInclude(Include.NON_NULL) String container,
    @JsonProperty("ContainerConfig") @JsonInclude(Include.NON_NULL) ContainerConfig containerConfig,
    @JsonProperty("DockerVersion") String dockerVersion,
    @JsonProperty("Author") String author,
    @JsonProperty("Config") ImageConfig config,
    @JsonProperty("Architecture") String architecture,
    @JsonProperty("Variant") @JsonInclude(Include.NON_EMPTY) String variant,
    @JsonProperty("Os") String os,
    @JsonProperty("OsVersion") @JsonInclude(Include.NON_EMPTY) String osVersion,
    @JsonProperty("Size") long size,
    @JsonProperty("VirtualSize") @JsonInclude(Include.NON_DEFAULT) long virtualSize,
    @JsonProperty("GraphDriver") DriverData graphDriver,
    @JsonProperty("RootFS") RootFS rootFs,
    @JsonProperty("Metadata") Metadata metadata,
    @JsonProperty("Descriptor") @JsonInclude(Include.NON_NULL) OciDescriptor descriptor,
    @JsonProperty("Manifests") @JsonInclude(Include.NON_EMPTY) List<ImageManifestSummary> manifests) {

  public ImageInspectResponse {
    repoTags = repoTags == null ? List.of() : repoTags;
    repoDigests = repoDigests == null ? List.of() : repoDigests;
    graphDriver = graphDriver == null ? new DriverData(null, "") : graphDriver;
    rootFs = rootFs == null ? new RootFS(null, null) : rootFs;
    metadata = metadata == null ? new Metadata(GoTime.ZERO) : metadata;
  }

  /** {@code Type} is "layers"; {@code Layers} the diff IDs, base layer first. Both {@code omitempty}. */
  public record RootFS(
      @JsonProperty("Type") @JsonInclude(Include.NON_EMPTY) String type,
      @JsonProperty("Layers") @JsonInclude(Include.NON_EMPTY) List<String> layers) {}

  /**
   * {@code LastTagTime} is a Go {@code time.Time}: {@code omitempty} has no effect on it, so an image never
   * tagged locally shows {@link GoTime#ZERO}.
   */
  public record Metadata(@JsonProperty("LastTagTime") String lastTagTime) {}

  /** This response as dockerd shapes it for {@code apiVersion} (&lt; 1.44, &lt; 1.45, &lt; 1.48); not Config. */
  public ImageInspectResponse forApiVersion(boolean below144, boolean below145, boolean below148) {
    return new ImageInspectResponse(id, repoTags, repoDigests, parent, comment,
        below144 && (created == null || created.isEmpty()) ? GoTime.ZERO : created,
        below145 ? (container == null ? "" : container) : null,
        below145 ? (containerConfig == null ? ContainerConfig.empty() : containerConfig) : null, dockerVersion,
        author, config,
        architecture, variant, os, osVersion, size, below144 ? size : 0, graphDriver, rootFs, metadata,
        below148 ? null : descriptor, manifests);
  }
}
