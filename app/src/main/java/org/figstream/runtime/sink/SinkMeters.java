package org.figstream.runtime.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.figstream.connectors.sink.SinkSettings;
import org.figstream.connectors.sink.TopicRecord;
import org.figstream.connectors.sink.manifest.Manifest;
import org.figstream.topology.enrich.EnrichmentStage;

/**
 * The dataset sink's meters, updated by the sink's own thread: records read per topic, its dead
 * letters, and the manifest's generation and commit time (copied, so a scrape never touches the
 * sink).
 */
public final class SinkMeters {
  public static final String RECORDS_METRIC = "figstream.sink.records";
  public static final String GENERATION_METRIC = "figstream.dataset.generation";
  public static final String COMMITTED_METRIC = "figstream.dataset.last.commit.timestamp.seconds";

  private final Map<String, Counter> records;
  private final Counter deadLetters;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong committedSeconds = new AtomicLong();

  SinkMeters(MeterRegistry metrics, SinkSettings settings, Manifest start) {
    records =
        Map.of(
            settings.figuresTopic(),
                metrics.counter(RECORDS_METRIC, "topic", settings.figuresTopic()),
            settings.articlesTopic(),
                metrics.counter(RECORDS_METRIC, "topic", settings.articlesTopic()));
    deadLetters = metrics.counter(EnrichmentStage.DEAD_LETTERS_METRIC, "stage", "sink");
    Gauge.builder(GENERATION_METRIC, generation, AtomicLong::get).register(metrics);
    Gauge.builder(COMMITTED_METRIC, committedSeconds, AtomicLong::get).register(metrics);
    manifest(start);
  }

  void read(List<TopicRecord> batch, Manifest now) {
    batch.forEach(r -> records.get(r.topic()).increment());
    manifest(now);
  }

  void deadLetter() {
    deadLetters.increment();
  }

  private void manifest(Manifest m) {
    generation.set(m.generation());
    committedSeconds.set(m.committedAt() / 1000);
  }
}
