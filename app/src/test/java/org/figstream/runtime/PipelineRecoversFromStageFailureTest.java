package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.figstream.topology.enrich.EnrichmentStage;
import org.figstream.topology.enrich.FigureStep;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Mono;

/**
 * The end-to-end test with an enrichment stage that breaks twice in the middle of a batch (as a bug
 * or a lost producer would): the stage restarts from its committed offsets and the figures topic
 * ends exactly as without failures, no pair lost and none twice.
 */
class PipelineRecoversFromStageFailureTest extends PipelineOnEmbeddedBrokerTest {
  private final AtomicInteger calls = new AtomicInteger();

  @Override
  Duration stallLimit() {
    return Duration.ofSeconds(120); // a restart's backoff is no backlog
  }

  @Override
  FigureStep embedStep() {
    return (figure, pixels, problems) -> {
      int n = calls.incrementAndGet();
      return n == 10 || n == 40
          ? Mono.error(new IllegalStateException("embedding failed (test)"))
          : Mono.just(figure);
    };
  }

  @AfterEach // before the superclass's, which stops the broker
  void checkRestarts() {
    assertThat(metrics.counter(EnrichmentStage.RESTARTS_METRIC).count()).isEqualTo(2.0);
  }
}
