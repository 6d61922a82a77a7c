package org.figstream.loadtest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.figstream.processors.testdata.SampleArticles;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ExtractBenchmark} as alternating rounds (bare parse, then extractor, three times) and
 * prints MB/s of both and their ratio per round and as a median: on a shared machine the load
 * drifts, and a ratio taken from two measurements minutes apart would measure the drift.
 */
public final class ExtractThroughputReport {
  private static final int ROUNDS = 3;

  private ExtractThroughputReport() {}

  public static void main(String[] args) throws RunnerException {
    List<SampleArticles.Sample> corpus = SampleArticles.all();
    double mb = corpus.stream().mapToLong(a -> a.xml().length).sum() / 1e6;
    List<Double> ratios = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      double bare = opsPerSecond("bareStax");
      double extract = opsPerSecond("extract");
      ratios.add(extract / bare);
      lines.add(
          String.format(
              "round %d: extractor %6.1f MB/s, bare StAX %6.1f MB/s, ratio %.2f",
              round, extract * mb, bare * mb, extract / bare));
    }
    System.out.printf("corpus: %d sample articles, %.2f MB of XML%n", corpus.size(), mb);
    lines.forEach(System.out::println);
    ratios.sort(null);
    System.out.printf("median ratio: %.2f (target >= 0.50)%n", ratios.get(ROUNDS / 2));
  }

  private static double opsPerSecond(String method) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(ExtractBenchmark.class.getName() + "\\." + method + "$")
            .forks(1)
            .warmupIterations(3)
            .warmupTime(TimeValue.seconds(2))
            .measurementIterations(4)
            .measurementTime(TimeValue.seconds(2))
            .build();
    Collection<RunResult> results = new Runner(options).run();
    return results.iterator().next().getPrimaryResult().getScore();
  }
}
