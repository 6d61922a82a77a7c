package org.figstream.processors.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MicroBatcherTest {
  /** A fake model that upper-cases its inputs and records the batches it was given. */
  private static final class Recorder implements Function<List<String>, List<String>> {
    final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

    /** Holds every batch until opened, so that a test can queue all its requests first. */
    final CountDownLatch gate;

    Recorder(int closedGates) {
      gate = new CountDownLatch(closedGates);
    }

    Recorder() {
      this(0);
    }

    @Override
    public List<String> apply(List<String> inputs) {
      batches.add(List.copyOf(inputs));
      try {
        gate.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (inputs.contains("bad")) {
        throw new IllegalArgumentException("the model refuses bad");
      }
      return inputs.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }

    List<Integer> sizes() {
      synchronized (batches) {
        return batches.stream().map(List::size).toList();
      }
    }
  }

  @Test
  void shouldCutTenRequestsIntoBatchesOfFourFourAndTwo() throws Exception {
    Recorder model = new Recorder(1);
    try (MicroBatcher<String, String> batcher =
        new MicroBatcher<>("test", model, 4, Duration.ofMillis(500), 1)) {
      List<CompletableFuture<String>> results = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        results.add(batcher.submit("r" + i).toFuture());
      }
      model.gate.countDown();

      for (int i = 0; i < 10; i++) {
        assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("R" + i);
      }
      assertThat(model.sizes()).containsExactly(4, 4, 2);
      assertThat(model.batches.get(0)).containsExactly("r0", "r1", "r2", "r3");
      assertThat(model.batches.get(2)).containsExactly("r8", "r9");
    }
  }

  @Test
  void shouldRunALoneRequestOnceTheWaitIsOver() {
    Recorder model = new Recorder();
    try (MicroBatcher<String, String> batcher =
        new MicroBatcher<>("test", model, 8, Duration.ofMillis(50), 1)) {
      long start = System.nanoTime();
      String result = batcher.submit("alone").block(Duration.ofSeconds(10));
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(result).isEqualTo("ALONE");
      assertThat(model.sizes()).containsExactly(1);
      assertThat(millis)
          .as("waited for the batch to fill")
          .isGreaterThanOrEqualTo(45)
          .isLessThan(1000);
    }
  }

  @Test
  void shouldRunALoneRequestAtOnceWithZeroWait() {
    Recorder model = new Recorder();
    try (MicroBatcher<String, String> batcher =
        new MicroBatcher<>("test", model, 2, Duration.ZERO, 1)) {
      assertThat(batcher.submit("alone").block(Duration.ofSeconds(10))).isEqualTo("ALONE");
      assertThat(model.sizes()).containsExactly(1);
    }
  }

  @Test
  void shouldFailOnlyTheBadRequestOfABatch() throws Exception {
    Recorder model = new Recorder();
    try (MicroBatcher<String, String> batcher =
        new MicroBatcher<>("test", model, 4, Duration.ofSeconds(5), 1)) {
      List<CompletableFuture<String>> results = new ArrayList<>();
      for (String input : List.of("a", "bad", "c", "d")) {
        results.add(batcher.submit(input).toFuture());
      }

      assertThat(results.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("A");
      assertThat(results.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("C");
      assertThat(results.get(3).get(10, TimeUnit.SECONDS)).isEqualTo("D");
      assertThatThrownBy(() -> results.get(1).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the model refuses bad");
      // The whole batch once, then each input alone.
      assertThat(model.batches)
          .containsExactly(
              List.of("a", "bad", "c", "d"),
              List.of("a"),
              List.of("bad"),
              List.of("c"),
              List.of("d"));
    }
  }

  @Test
  void shouldKeepServingAfterAFailedRequest() {
    Recorder model = new Recorder();
    try (MicroBatcher<String, String> batcher =
        new MicroBatcher<>("test", model, 2, Duration.ofMillis(20), 1)) {
      assertThatThrownBy(() -> batcher.submit("bad").block(Duration.ofSeconds(10)))
          .isInstanceOf(IllegalArgumentException.class);

      assertThat(batcher.submit("next").block(Duration.ofSeconds(10))).isEqualTo("NEXT");
    }
  }

  @Test
  void shouldAnswerEveryRequestWhenTheModelThrowsAnErrorAndKeepServing() throws Exception {
    Function<List<String>, List<String>> model =
        inputs -> {
          if (inputs.contains("native")) {
            throw new UnsatisfiedLinkError("the model's library broke (test)");
          }
          return inputs.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
        };
    try (MicroBatcher<String, String> batcher =
        new MicroBatcher<>("test", model, 3, Duration.ofSeconds(5), 1)) {
      List<CompletableFuture<String>> results = new ArrayList<>();
      for (String input : List.of("a", "native", "c")) {
        results.add(batcher.submit(input).toFuture());
      }

      // as for an exception: the batch again one input at a time, only the bad one failing
      assertThat(results.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("A");
      assertThat(results.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("C");
      assertThatThrownBy(() -> results.get(1).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(UnsatisfiedLinkError.class)
          .hasMessage("the model's library broke (test)");
      assertThat(batcher.submit("next").block(Duration.ofSeconds(10))).isEqualTo("NEXT");
    }
  }

  @Test
  void shouldRefuseRequestsAfterClose() {
    Recorder model = new Recorder();
    MicroBatcher<String, String> batcher =
        new MicroBatcher<>("test", model, 4, Duration.ofMillis(10), 1);
    assertThat(batcher.submit("before").block(Duration.ofSeconds(10))).isEqualTo("BEFORE");

    batcher.close();

    assertThatThrownBy(() -> batcher.submit("after").block(Duration.ofSeconds(10)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("batcher is closed");
    assertThat(model.batches).containsExactly(List.of("before"));
  }

  @Test
  void shouldRunTwoBatchesAtOnceWithConcurrencyTwo() throws Exception {
    assertThat(meetings(2, Duration.ofSeconds(10))).containsExactly(true, true);
  }

  @Test
  void shouldRunOneBatchAtATimeWithConcurrencyOne() throws Exception {
    // The control: with one batch at a time, the first never meets the second at the latch.
    assertThat(meetings(1, Duration.ofMillis(300))).containsExactly(false, true);
  }

  /**
   * Two single-item batches that each wait at a latch for the other; whether each met the other.
   */
  private static List<Boolean> meetings(int concurrency, Duration patience) throws Exception {
    CountDownLatch both = new CountDownLatch(2);
    Function<List<String>, List<Boolean>> model =
        inputs -> {
          both.countDown();
          try {
            return List.of(both.await(patience.toMillis(), TimeUnit.MILLISECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        };
    try (MicroBatcher<String, Boolean> batcher =
        new MicroBatcher<>("test", model, 1, Duration.ZERO, concurrency)) {
      CompletableFuture<Boolean> first = batcher.submit("first").toFuture();
      CompletableFuture<Boolean> second = batcher.submit("second").toFuture();
      return List.of(first.get(20, TimeUnit.SECONDS), second.get(20, TimeUnit.SECONDS));
    }
  }

  @Test
  void shouldRefuseNonsenseSettings() {
    Recorder model = new Recorder();
    assertThatThrownBy(() -> new MicroBatcher<>("test", model, 0, Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MicroBatcher<>("test", model, 1, Duration.ZERO, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MicroBatcher<>("test", model, 1, Duration.ofMillis(-1), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldLetTheRunningBatchFinishBeforeCloseReturns() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    Function<List<String>, List<String>> model =
        inputs -> {
          running.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            order.add("interrupted"); // what dispose() did: the session closed under the call
            Thread.currentThread().interrupt();
          }
          order.add("batch done");
          return inputs;
        };
    MicroBatcher<String, String> batcher =
        new MicroBatcher<>("closing", model, 1, Duration.ZERO, 1);
    CompletableFuture<String> result = batcher.submit("a").toFuture();
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> closed =
        CompletableFuture.runAsync(
            () -> {
              batcher.close();
              order.add("closed");
            });
    Thread.sleep(300);
    assertThat(closed).isNotDone();
    release.countDown();
    closed.get(10, TimeUnit.SECONDS);
    assertThat(order).containsExactly("batch done", "closed");
    assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("a");
  }

  @Test
  void shouldSayWhenABatchOutlivesTheDrain() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Function<List<String>, List<String>> model =
        inputs -> {
          running.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return inputs;
        };
    MicroBatcher<String, String> batcher = new MicroBatcher<>("stuck", model, 1, Duration.ZERO, 1);
    batcher.submit("a").subscribe();
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    try {
      assertThat(batcher.drain(Duration.ofMillis(200))).isFalse();
    } finally {
      release.countDown();
    }
  }
}
