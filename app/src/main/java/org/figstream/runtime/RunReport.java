package org.figstream.runtime;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.figstream.connectors.sink.CompactionResult;
import org.figstream.connectors.sink.DatasetSink;
import org.figstream.records.Topics;
import org.figstream.runtime.sink.DatasetSinkRunner;
import org.figstream.topology.enrich.EnrichmentStage;

/**
 * The lines a run writes after each feed pass: what the topics hold, and what the dataset holds.
 */
final class RunReport {
  private final PrintWriter log;
  private final Pipeline pipeline;
  private final DeadLetterTally deadLetters;
  private final ProgressReporter progress;
  private final long started;

  RunReport(
      PrintWriter log,
      Map<String, Object> kafka,
      Pipeline pipeline,
      ProgressReporter progress,
      long started) {
    this.log = log;
    this.pipeline = pipeline;
    this.deadLetters = new DeadLetterTally(kafka);
    this.progress = progress;
    this.started = started;
  }

  /** Live pairs and articles from the pair ledger's state, dead letters from what dlq received. */
  void summary(String how) throws Exception {
    String counts;
    try {
      LedgerShare.Read<LedgerCounts> live = pipeline.ledgerCountsAndShare(Duration.ofMinutes(1));
      counts =
          String.format(
              "%d live pairs on %s, %d articles on %s%s",
              live.value().pairs(),
              Topics.FIGURES,
              live.value().articles(),
              Topics.ARTICLES,
              live.note());
    } catch (InvalidStateStoreException e) {
      // a big ledger restores for minutes after it moves: a summary is no reason to stop
      counts = "live pairs not counted (the pair ledger is still restoring)";
    }
    log.printf(
        "run: %s: %s, %d dead letters on %s, after %d s "
            + "(this run: %d articles and %d figures enriched)%n",
        how,
        counts,
        deadLetters.count(),
        Topics.DLQ,
        (System.nanoTime() - started) / 1_000_000_000,
        progress.total(EnrichmentStage.ARTICLES_METRIC),
        progress.total(EnrichmentStage.FIGURES_METRIC));
    log.flush();
  }

  /**
   * Commits what the sink has read; compacts when due, and always (forced) before a
   * --until-caught-up exit.
   */
  void publishDataset(DatasetSinkRunner sink, Path dir, boolean last) throws Exception {
    Duration timeout = Duration.ofMinutes(10);
    sink.catchUpAndCommit(timeout);
    Optional<CompactionResult> compaction =
        sink.call(
            s -> last ? Optional.of(s.compact(true)) : s.compactIfDue(System.currentTimeMillis()),
            timeout);
    compaction.ifPresent(c -> log.println("dataset: compaction " + c.describe()));
    log.println(DatasetSummary.describe(dir, sink.call(DatasetSink::manifest, timeout)));
    log.println(DatasetSummary.howToQuery(dir));
    log.flush();
  }
}
