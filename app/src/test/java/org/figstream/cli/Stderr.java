package org.figstream.cli;

import java.io.StringWriter;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a command running in this JVM has written to its stderr so far, waited on. */
final class Stderr {
  private Stderr() {}

  /** The first match of {@code pattern} in {@code err}, waiting up to two minutes for it. */
  static Matcher await(StringWriter err, Pattern pattern) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = pattern.matcher(err.toString());
      if (m.find()) {
        return m;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no line matching " + pattern + " in:\n" + err);
  }
}
