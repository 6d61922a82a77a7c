package org.figstream.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.figstream.connectors.feed.fetch.FetchOutcome;
import org.figstream.connectors.feed.fetch.FetchedArticle;
import org.figstream.records.Announcement;
import org.figstream.records.DeadLetter;

/**
 * What {@code feed} prints: announcements, or with {@code --fetch} what was downloaded, or with
 * {@code --extract} the pairs; dead letters go to stderr and are counted for the exit code.
 */
final class OutcomePrinter {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean extract;
  private final AtomicLong deadLetters = new AtomicLong();
  private final PairPrinter pairs;

  OutcomePrinter(PrintWriter out, PrintWriter err, boolean extract) {
    this.out = out;
    this.err = err;
    this.extract = extract;
    this.pairs = new PairPrinter(err, deadLetters);
  }

  synchronized void announcement(Announcement a) {
    out.println(Json.write(a));
  }

  /**
   * A fetched (or dead-lettered) version: its pairs with --extract, else the announcement and
   * sizes.
   */
  synchronized void outcome(Announcement a, FetchOutcome outcome) {
    if (extract) {
      pairs.print(out, outcome);
      return;
    }
    ObjectNode line = Json.MAPPER.valueToTree(a);
    ObjectNode fetched = line.putObject("fetched");
    if (outcome instanceof FetchedArticle f) {
      fetched.put("xmlBytes", f.xml().length);
      ObjectNode media = fetched.putObject("images");
      f.media().forEach((name, bytes) -> media.put(name, bytes.length));
    } else if (outcome instanceof FetchOutcome.Failed failed) {
      deadLetters.incrementAndGet();
      fetched.set("deadLetter", Json.MAPPER.valueToTree(failed.deadLetter()));
    } else if (outcome instanceof FetchOutcome.Gone gone) {
      fetched.put("gone", gone.message());
    }
    out.println(line);
  }

  void deadLetter(DeadLetter d) {
    deadLetters.incrementAndGet();
    err.println("feed: dead letter " + Json.write(d));
  }

  long deadLetters() {
    return deadLetters.get();
  }

  /** The extraction summary line, when pairs were printed. */
  void finish() {
    out.flush();
    if (extract) {
      err.println(pairs.summary());
    }
  }
}
