package org.figstream.loadtest;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ExtractBenchmark} and prints MB/s for the extractor and for the bare StAX pass over the
 * same bytes, and their ratio, from one run (the machines are shared: only the ratio is comparable).
 */
public final class ExtractThroughputReport {

  private ExtractThroughputReport() {}

  public static void main(String[] args) throws RunnerException {
    double mb = SampleCorpus.totalBytes(SampleCorpus.load()) / 1e6;
    Options options = new OptionsBuilder()
        .include(ExtractBenchmark.class.getName() + "\\.")
        .build();
    Collection<RunResult> results = new Runner(options).run();
    double extract = opsPerSecond(results, "extract");
    double bare = opsPerSecond(results, "bareStax");
    System.out.printf("corpus: %d sample articles, %.2f MB of XML%n", SampleCorpus.load().size(), mb);
    System.out.printf("extractor:     %8.1f MB/s%n", extract * mb);
    System.out.printf("bare StAX:     %8.1f MB/s%n", bare * mb);
    System.out.printf("ratio:         %8.2f (target >= 0.50)%n", extract / bare);
  }

  private static double opsPerSecond(Collection<RunResult> results, String method) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
        .findFirst().orElseThrow(() -> new IllegalStateException("no result for " + method))
        .getPrimaryResult().getScore();
  }
}
