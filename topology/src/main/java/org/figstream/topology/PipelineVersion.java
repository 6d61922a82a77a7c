package org.figstream.topology;

/**
 * figstream's version from the jar manifest, or {@code dev} when run from classes: stamped on every
 * pair.
 */
public final class PipelineVersion {
  private PipelineVersion() {}

  public static String current() {
    String v = PipelineVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
