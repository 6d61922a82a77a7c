package org.figstream.loadtest;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.figstream.processors.embed.EmbeddingSettings;

/**
 * The enrichment stage's hot path as the annotator runs it (image preprocessing and pixel prior,
 * both encoders behind their micro-batchers, per-sentence caption vectors, zero-shot labels) on
 * every sample figure (82 figure records, 61 with an image), for two variants of the embedding
 * settings loaded side by side in one JVM and run in alternating passes (A B A B ...): CPU-seconds
 * per figure (the process's, and by thread group from /proc/self/task), figures/s, and the B/A
 * ratios, since only ratios from one run hold on a shared machine. It also checks that B's outputs
 * are A's: the largest difference between their vectors and whether every figure's labels are the
 * same.
 *
 * <p>Arguments: {@code [comparison [rounds]]}; comparison {@code spinning} (spin-waiting on vs off,
 * no length buckets in either), {@code buckets} (without vs with length buckets, spinning off in
 * both), {@code all} (the old defaults, spinning on and no buckets, vs the new ones), {@code
 * threads} (the new defaults vs one intra-op thread per session and two batches of a model at
 * once), {@code cli} (the CLI's old defaults, spinning on, no buckets, all cores in one call at a
 * time, vs its new ones, buckets, spinning off, one thread per call and one call per core), {@code
 * batch32} (the new defaults vs batches of 32).
 */
public final class HotPathReport {
  private HotPathReport() {}

  public static void main(String[] args) throws Exception {
    String comparison = args.length > 0 ? args[0] : "all";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    HotPathSettings settings = HotPathSettings.of(comparison);
    EmbeddingSettings a = settings.a();
    EmbeddingSettings b = settings.b();
    List<HotPathSample> samples = HotPathSample.load();
    long withImage = samples.stream().filter(s -> s.raster() != null).count();
    System.out.printf(
        "%s: A = spinning %s, length buckets %s, %d intra-op threads (0: ORT's default), batches"
            + " of %d, %d at once; B = spinning %s, length buckets %s, %d threads, batches of %d,"
            + " %d at once%n"
            + "%d figures (%d with an image) per pass, %d cores, load average %.2f at start%n",
        comparison,
        a.accelerator().spinning(),
        a.lengthBuckets(),
        a.accelerator().threads(),
        a.batchSize(),
        a.concurrency(),
        b.accelerator().spinning(),
        b.lengthBuckets(),
        b.accelerator().threads(),
        b.batchSize(),
        b.concurrency(),
        samples.size(),
        withImage,
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    HotPathSample.printTexts(samples);
    HotPathVariant va = HotPathVariant.open("A", a);
    HotPathVariant vb = HotPathVariant.open("B", b);
    try {
      HotPathOutputs.compare(va.annotate(samples), vb.annotate(samples));
      va.annotate(samples); // warm-up, both
      vb.annotate(samples);
      List<Double> cpuRatios = new ArrayList<>();
      List<Double> rateRatios = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        HotPathPass pa = HotPathPass.measure(va, samples);
        HotPathPass pb = HotPathPass.measure(vb, samples);
        int n = samples.size();
        System.out.printf(
            "round %d: A %.3f CPU-s/figure, %5.2f figures/s; B %.3f CPU-s/figure, %5.2f figures/s;"
                + " B/A CPU per figure %.2f, figures/s %.2f%n",
            round,
            pa.cpuSeconds() / n,
            n / pa.wallSeconds(),
            pb.cpuSeconds() / n,
            n / pb.wallSeconds(),
            pb.cpuSeconds() / pa.cpuSeconds(),
            pa.wallSeconds() / pb.wallSeconds());
        System.out.println("  CPU-s per figure by thread group, A | B:");
        Map<String, Double> keys = new LinkedHashMap<>(pa.groups());
        pb.groups().forEach(keys::putIfAbsent);
        for (String g : keys.keySet()) {
          System.out.printf(
              "    %-34s %.4f | %.4f%n",
              g, pa.groups().getOrDefault(g, 0d) / n, pb.groups().getOrDefault(g, 0d) / n);
        }
        cpuRatios.add(pb.cpuSeconds() / pa.cpuSeconds());
        rateRatios.add(pa.wallSeconds() / pb.wallSeconds());
      }
      cpuRatios.sort(null);
      rateRatios.sort(null);
      System.out.printf(
          "median B/A over %d rounds: CPU-s per figure %.2f, figures/s %.2f%n",
          rounds, cpuRatios.get(rounds / 2), rateRatios.get(rounds / 2));
    } finally {
      va.embedder().close();
      vb.embedder().close();
    }
  }
}
