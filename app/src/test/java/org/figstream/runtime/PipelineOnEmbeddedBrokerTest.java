package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.topology.enrich.FigureStep;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Mono;

/**
 * The end-to-end test on the in-process KRaft broker: the embedded default. Its embed step takes
 * {@value #EMBED_MILLIS} ms a figure, one figure at a time, so each day's backlog takes longer than
 * the stall limit of {@value #STALL_SECONDS} s while some article is enriched well within it: the
 * waits to settle must wait a backlog out (a backfill drains for hours), not take its length for a
 * stuck pipeline.
 */
class PipelineOnEmbeddedBrokerTest extends SampleFeedEndToEnd {
  static final long EMBED_MILLIS = 120;
  static final long STALL_SECONDS = 6;
  private static final Object ONE_AT_A_TIME = new Object();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile long firstCall;
  private volatile long lastCall;
  private EmbeddedBroker broker;

  @Override
  Map<String, Object> kafka() throws Exception {
    broker = EmbeddedBroker.start(dir.resolve("kafka"));
    return broker.clientConfig();
  }

  @Override
  Duration stallLimit() {
    return Duration.ofSeconds(STALL_SECONDS);
  }

  @Override
  FigureStep embedStep() {
    return (figure, pixels, problems) ->
        Mono.fromCallable(
            () -> {
              synchronized (ONE_AT_A_TIME) {
                if (calls.getAndIncrement() == 0) {
                  firstCall = System.nanoTime();
                }
                Thread.sleep(EMBED_MILLIS);
                lastCall = System.nanoTime();
              }
              return figure;
            });
  }

  @AfterEach
  void stopBroker() {
    if (calls.get() > 0) {
      // day 1 alone embeds 79 figures: 79 x 120 ms is longer than the limit
      assertThat(calls.get()).isGreaterThanOrEqualTo(79);
      assertThat(Duration.ofNanos(lastCall - firstCall))
          .isGreaterThan(Duration.ofSeconds(STALL_SECONDS));
    }
    if (broker != null) {
      broker.close();
    }
  }
}
