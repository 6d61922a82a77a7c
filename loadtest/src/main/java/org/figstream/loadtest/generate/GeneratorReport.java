package org.figstream.loadtest.generate;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Measures the generator: makes every version-1 article of a corpus (XML and images) on all cores
 * and prints articles/s, MB/s and the sizes by image kind and format.
 *
 * <p>{@code java -cp ... org.figstream.loadtest.generate.GeneratorReport SEED ARTICLES}
 */
public final class GeneratorReport {
  private GeneratorReport() {}

  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
    int articles = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    ArticlePlanner planner = new ArticlePlanner(GeneratorSettings.defaults(seed, articles));
    Map<String, long[]> byKind = new TreeMap<>();
    AtomicLong xmlBytes = new AtomicLong();
    long start = System.nanoTime();
    IntStream.range(0, articles)
        .parallel()
        .forEach(
            i -> {
              ArticlePlan plan = planner.plan(i, 1);
              xmlBytes.addAndGet(JatsWriter.write(plan).length);
              for (ArticlePlan.FloatPlan f : plan.images()) {
                byte[] image = ImageRenderer.render(f.image());
                String key = f.image().kind() + " " + f.image().format();
                synchronized (byKind) {
                  long[] s = byKind.computeIfAbsent(key, k -> new long[] {0, 0, Long.MAX_VALUE, 0});
                  s[0]++;
                  s[1] += image.length;
                  s[2] = Math.min(s[2], image.length);
                  s[3] = Math.max(s[3], image.length);
                }
              }
            });
    double seconds = (System.nanoTime() - start) / 1e9;
    long images = byKind.values().stream().mapToLong(s -> s[0]).sum();
    long imageBytes = byKind.values().stream().mapToLong(s -> s[1]).sum();
    System.out.printf(
        Locale.ROOT,
        "%d articles, %d images in %.1f s on %d cores: %.1f articles/s, %.1f images/s,"
            + " %.1f MB/s (images %.1f MB, XML %.1f MB)%n",
        articles,
        images,
        seconds,
        Runtime.getRuntime().availableProcessors(),
        articles / seconds,
        images / seconds,
        (imageBytes + xmlBytes.get()) / seconds / 1e6,
        imageBytes / 1e6,
        xmlBytes.get() / 1e6);
    System.out.println("| kind | format | images | mean KB | min KB | max KB |");
    System.out.println("|---|---|---|---|---|---|");
    byKind.forEach(
        (key, s) ->
            System.out.printf(
                Locale.ROOT,
                "| %s | %s | %d | %d | %d | %d |%n",
                key.split(" ")[0],
                key.split(" ")[1],
                s[0],
                s[1] / s[0] / 1000,
                s[2] / 1000,
                s[3] / 1000));
  }
}
