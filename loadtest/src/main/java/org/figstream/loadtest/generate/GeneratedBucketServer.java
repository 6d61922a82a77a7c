package org.figstream.loadtest.generate;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;

/**
 * Serves a generated corpus through the bucket emulator on loopback and prints its URL, for {@code
 * figstream run --bucket-url URL --start-policy BACKFILL} (the URL's host, 127.0.0.1, is then the
 * one host figstream may contact). Publishes the next inventory day on each line read from stdin,
 * or every {@code --publish-every}; runs until killed.
 *
 * <pre>
 * java -cp 'loadtest/target/figstream-loadtest.jar:loadtest/target/lib/*' \
 *   org.figstream.loadtest.generate.GeneratedBucketServer --seed 1 --articles 10000 --per-day 500
 * </pre>
 *
 * Options: {@code --seed} (1), {@code --articles} (1000), {@code --per-day} (100), {@code --days}
 * visible at start (1), {@code --cache-mb} (1024), {@code --publish-every} (ISO-8601, none), {@code
 * --faults} (0..1, none).
 */
public final class GeneratedBucketServer {
  private GeneratedBucketServer() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Map<String, String> o = options(args);
    GeneratorSettings settings =
        GeneratorSettings.defaults(
                Long.parseLong(o.getOrDefault("seed", "1")),
                Integer.parseInt(o.getOrDefault("articles", "1000")))
            .withArticlesPerDay(Integer.parseInt(o.getOrDefault("per-day", "100")));
    int days = Integer.parseInt(o.getOrDefault("days", "1"));
    double faults = Double.parseDouble(o.getOrDefault("faults", "0"));
    GeneratedBucket bucket =
        new GeneratedBucket(settings, Long.parseLong(o.getOrDefault("cache-mb", "1024")) << 20);
    long start = System.nanoTime();
    try (BucketEmulator emulator =
        BucketEmulator.start(
            bucket, days, faults > 0 ? Faults.all(faults, settings.seed()) : Faults.none())) {
      System.out.printf(
          Locale.ROOT,
          "figstream: generated bucket emulator at %s (seed %d, %d articles, %d a day, %d of %d"
              + " inventory days published, built in %.1f s)%n",
          emulator.baseUrl(),
          settings.seed(),
          settings.articles(),
          settings.articlesPerDay(),
          days,
          settings.days(),
          (System.nanoTime() - start) / 1e9);
      System.out.println(
          "follow it with: figstream run --bucket-url "
              + emulator.baseUrl()
              + " --start-policy BACKFILL --bucket-rate 1000 --poll-interval PT10S");
      System.out.flush();
      String every = o.get("publish-every");
      if (every != null) {
        Duration interval = Duration.parse(every);
        for (int d = days + 1; d <= settings.days(); d++) {
          Thread.sleep(interval.toMillis());
          publish(emulator, bucket, d);
        }
      } else {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (int d = days + 1; d <= settings.days() && in.readLine() != null; d++) {
          publish(emulator, bucket, d);
        }
      }
      System.out.println("figstream: every inventory day is published; serving until killed");
      Thread.currentThread().join();
    }
  }

  private static void publish(BucketEmulator emulator, GeneratedBucket bucket, int day) {
    long start = System.nanoTime();
    emulator.publishNextDay();
    System.out.printf(
        Locale.ROOT,
        "figstream: published inventory day %d (%s) in %.1f s; %d requests so far, image cache"
            + " %d hits, %d misses%n",
        day,
        GeneratedBucket.dayName(day),
        (System.nanoTime() - start) / 1e9,
        emulator.requests(),
        bucket.cacheHits(),
        bucket.cacheMisses());
    System.out.flush();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("options are --name value pairs: " + args[i]);
      }
      out.put(args[i].substring(2), args[++i]);
    }
    return out;
  }
}
