package org.figstream.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.runtime.SampleSettings;
import picocli.CommandLine.Option;

/**
 * The offline sample feed: a local emulator of the PMC bucket serving the bundled sample articles.
 */
final class SampleOptions {

  @Option(
      names = "--sample",
      description =
          "Serve the bundled sample articles from a local bucket emulator "
              + "(loopback only) and read the feed from it: no network needed.")
  boolean enabled;

  @Option(
      names = "--sample-dir",
      defaultValue = "samples/articles",
      description = "Folder of sample articles for --sample (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(
      names = "--sample-days",
      defaultValue = "2",
      description =
          "Inventory days the emulator has published (1 or 2; default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--sample-faults",
      defaultValue = "0",
      description =
          "Fraction (0..1) of article and metadata requests the emulator answers wrongly "
              + "(5xx, 429, slow, reset, truncated, corrupted), each path at most twice (default: ${DEFAULT-VALUE}).")
  double faults;

  /** What --sample asks for; null without it. */
  SampleSettings settings() {
    if (!enabled) {
      return null;
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "--sample needs the sample articles at "
              + dir.toAbsolutePath()
              + " (run from the repository root, or give --sample-dir)");
    }
    return new SampleSettings(dir, days, faults);
  }

  /** Starts the emulator when {@code --sample} is given (closing it stops it); null otherwise. */
  BucketEmulator startIfAsked(PrintWriter err) {
    SampleSettings settings = settings();
    return settings == null ? null : settings.start(err);
  }
}
