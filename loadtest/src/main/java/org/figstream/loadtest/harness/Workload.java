package org.figstream.loadtest.harness;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.figstream.loadtest.generate.GeneratorSettings;

/**
 * One load run, as a versioned YAML file under {@code loadtest/workloads}: what the generator
 * makes, how fast it is offered, and how figstream runs. Unknown keys are errors, so a typo does
 * not silently run the default.
 *
 * @param version the file format (1)
 * @param rate offered articles/s; 0 offers everything in the first inventory (a backfill)
 * @param publishEvery in a rate run, one inventory day per interval, of {@code rate * interval}
 *     articles
 * @param warmup figures announced earlier than this after the start are not in the latencies
 * @param timeout the run fails when it has not caught up by then
 * @param heap the figstream JVM's {@code -Xmx}
 * @param args more {@code figstream run} arguments
 * @param jvm more options for the figstream JVM, after those the launcher sets (to compare a
 *     collector or a JIT setting on the same corpus)
 */
public record Workload(
    int version,
    String name,
    String description,
    long seed,
    int articles,
    double rate,
    String publishEvery,
    String warmup,
    String timeout,
    Changes changes,
    Duplicates duplicates,
    Images images,
    double faults,
    String heap,
    List<String> args,
    List<String> jvm) {

  /** Shares of articles changed the day after they appear. */
  public record Changes(double revisions, double retractions, double removals) {}

  /** Shares of figures that are exact or near copies of an earlier article's. */
  public record Duplicates(double exact, double near) {}

  /** Shares of figures that are 48 MP photos, or over the normaliser's pixel limit. */
  public record Images(double huge, double overLimit) {}

  public Workload {
    if (version != 1) {
      throw new IllegalArgumentException(
          "workload format version " + version + ": only 1 is known");
    }
    if (name == null || articles < 1 || rate < 0) {
      throw new IllegalArgumentException("a workload needs a name, articles >= 1 and rate >= 0");
    }
    changes = changes == null ? new Changes(0.05, 0.005, 0.01) : changes;
    duplicates = duplicates == null ? new Duplicates(0.02, 0.02) : duplicates;
    images = images == null ? new Images(0.003, 0.001) : images;
    publishEvery = publishEvery == null ? "PT10S" : publishEvery;
    warmup = warmup == null ? "PT0S" : warmup;
    timeout = timeout == null ? "PT30M" : timeout;
    heap = heap == null ? "1536m" : heap;
    args = args == null ? List.of() : List.copyOf(args);
    jvm = jvm == null ? List.of() : List.copyOf(jvm);
  }

  public static Workload read(Path file) throws IOException {
    return new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .readValue(file.toFile(), Workload.class);
  }

  /**
   * This workload under another name, with other {@code figstream run} arguments and JVM options.
   */
  public Workload with(String otherName, List<String> otherArgs, List<String> otherJvm) {
    return new Workload(
        version,
        otherName,
        description,
        seed,
        articles,
        rate,
        publishEvery,
        warmup,
        timeout,
        changes,
        duplicates,
        images,
        faults,
        heap,
        otherArgs,
        otherJvm);
  }

  public boolean backfill() {
    return rate == 0;
  }

  public Duration publishInterval() {
    return Duration.parse(publishEvery);
  }

  public Duration warmupDuration() {
    return Duration.parse(warmup);
  }

  public Duration timeoutDuration() {
    return Duration.parse(timeout);
  }

  /** Articles per inventory day: all at once in a backfill, else the rate times the interval. */
  public int articlesPerDay() {
    if (backfill()) {
      return articles;
    }
    return (int) Math.max(1, Math.round(rate * publishInterval().toMillis() / 1000.0));
  }

  /** The generator's settings for this workload. */
  public GeneratorSettings generator() {
    return new GeneratorSettings(
        seed,
        articles,
        articlesPerDay(),
        duplicates.exact(),
        duplicates.near(),
        changes.revisions(),
        changes.retractions(),
        changes.removals(),
        images.huge(),
        images.overLimit());
  }
}
