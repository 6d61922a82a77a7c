package org.figstream.cli;

import org.figstream.topology.PipelineVersion;
import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "dev" when run from classes. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"figstream " + PipelineVersion.current()};
  }
}
