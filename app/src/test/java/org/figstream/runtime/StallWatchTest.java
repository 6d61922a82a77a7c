package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StallWatchTest {
  private static final long MINUTE = Duration.ofMinutes(1).toNanos();

  @Test
  void shouldCallWorkThatHasNotMovedForLongerThanTheLimitStalled() {
    StallWatch watch = new StallWatch(Duration.ofMinutes(30));
    assertThat(watch.stalled(5, false, 0)).isFalse();
    assertThat(watch.stalled(5, false, 30 * MINUTE)).as("at the limit").isFalse();
    assertThat(watch.stalled(5, false, 30 * MINUTE + 1)).as("past it").isTrue();
  }

  @Test
  void shouldStartAgainWhenTheWorkMoves() {
    StallWatch watch = new StallWatch(Duration.ofMinutes(30));
    watch.stalled(5, false, 0);
    assertThat(watch.stalled(6, false, 29 * MINUTE)).isFalse();
    assertThat(watch.stalled(6, false, 58 * MINUTE)).as("29 minutes after it moved").isFalse();
    assertThat(watch.stalled(6, false, 60 * MINUTE)).as("31 minutes after").isTrue();
  }

  @Test
  void shouldWaitOutAnOutageOfTheSourceAndForgetASettledPipeline() {
    StallWatch watch = new StallWatch(Duration.ofMinutes(30));
    watch.stalled(5, false, 0);
    assertThat(watch.stalled(5, true, 40 * MINUTE)).as("the source is down").isFalse();
    assertThat(watch.stalled(5, false, 69 * MINUTE)).isFalse();
    watch.settled(100 * MINUTE);
    assertThat(watch.stalled(5, false, 101 * MINUTE)).as("a new backlog, first seen").isFalse();
    assertThat(watch.stalled(5, false, 131 * MINUTE + 1)).isTrue();
  }
}
