package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.figstream.topology.enrich.FigureStep;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Mono;

/**
 * The end-to-end test with an embed step that takes {@value #EMBED_MILLIS} ms a figure, one figure
 * at a time: each day's backlog takes longer than the stall limit of {@value #STALL_SECONDS} s,
 * while some article is enriched well within it. The waits to settle must wait the backlog out (a
 * backfill drains for hours), not take its length for a stuck pipeline.
 */
class PipelineSettlesALongBacklogTest extends PipelineOnEmbeddedBrokerTest {
  static final long EMBED_MILLIS = 60;
  static final long STALL_SECONDS = 3;
  private static final Object ONE_AT_A_TIME = new Object();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile long firstCall;
  private volatile long lastCall;

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
                long now = System.nanoTime();
                if (calls.getAndIncrement() == 0) {
                  firstCall = now;
                }
                Thread.sleep(EMBED_MILLIS);
                lastCall = System.nanoTime();
              }
              return figure;
            });
  }

  @AfterEach // before the superclass's, which stops the broker
  void checkTheBacklogOutlastedTheStallLimit() {
    // day 1 alone embeds 79 figures: 79 x 60 ms is longer than the limit
    assertThat(calls.get()).isGreaterThanOrEqualTo(79);
    assertThat(Duration.ofNanos(lastCall - firstCall))
        .isGreaterThan(Duration.ofSeconds(STALL_SECONDS));
  }
}
