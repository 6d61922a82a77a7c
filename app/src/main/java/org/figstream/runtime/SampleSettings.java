package org.figstream.runtime;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.connectors.feed.sample.SampleBucket;

/**
 * The offline sample feed: a loopback emulator of the PMC bucket serving the articles in {@code
 * dir}.
 *
 * @param days inventory days the emulator has published (1 or 2)
 * @param faults fraction (0..1) of article and metadata requests answered wrongly
 */
public record SampleSettings(Path dir, int days, double faults) {

  /** Starts the emulator and says where it serves; closing it stops it. */
  public BucketEmulator start(PrintWriter log) {
    BucketEmulator emulator =
        BucketEmulator.start(
            SampleBucket.load(dir), days, faults > 0 ? Faults.all(faults, 1) : Faults.none());
    log.println(
        "figstream: sample bucket emulator at "
            + emulator.baseUrl()
            + " ("
            + days
            + " inventory days"
            + (faults > 0 ? ", " + Math.round(faults * 100) + "% faults" : "")
            + ")");
    return emulator;
  }
}
