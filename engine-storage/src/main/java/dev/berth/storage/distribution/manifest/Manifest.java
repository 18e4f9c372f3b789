package dev.berth.storage.distribution.manifest;

/** A parsed manifest: a single-platform image manifest, or an index (Docker manifest list / OCI image index). */
public sealed interface Manifest permits ImageManifest, ManifestList {
  int schemaVersion();

  /** The {@code mediaType} field as written in the document; may be null for OCI documents. */
  String mediaType();
}
