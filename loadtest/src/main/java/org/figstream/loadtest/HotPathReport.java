package org.figstream.loadtest;

import com.sun.management.OperatingSystemMXBean;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.figstream.processors.annotate.Annotation;
import org.figstream.processors.annotate.FigureAnnotator;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.Embedder;
import org.figstream.processors.embed.EmbeddingSettings;
import org.figstream.processors.embed.ImageEncoder;
import org.figstream.processors.embed.OnnxImageEncoder;
import org.figstream.processors.embed.OnnxTextEncoder;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.image.NormalizedPixels;
import org.figstream.processors.label.CaptionSentences;
import org.figstream.processors.label.ConceptLabeller;
import org.figstream.processors.label.LabelSettings;
import org.figstream.processors.label.Labellers;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.processors.testdata.SampleRecords;
import org.figstream.records.ConceptScore;
import org.figstream.records.FigureRecord;
import org.figstream.records.NormalizedImage;
import reactor.core.publisher.Flux;

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
  private record Sample(FigureRecord figure, NormalizedImage image, BufferedImage raster) {}

  private record Variant(String name, Embedder embedder, FigureAnnotator annotator) {}

  private record Pass(double cpuSeconds, double wallSeconds, Map<String, Double> groups) {}

  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private HotPathReport() {}

  public static void main(String[] args) throws Exception {
    String comparison = args.length > 0 ? args[0] : "all";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    EmbeddingSettings base = settings(Accelerator.CPU, 16, 1, true);
    EmbeddingSettings a;
    EmbeddingSettings b;
    switch (comparison) {
      case "spinning" -> {
        a = with(base, true, false);
        b = with(base, false, false);
      }
      case "buckets" -> {
        a = with(base, false, false);
        b = with(base, false, true);
      }
      case "all" -> {
        a = with(base, true, false);
        b = base;
      }
      case "threads" -> {
        a = base;
        b = settings(new Accelerator("cpu", 0, false, null, 1, false), 16, 2, true);
      }
      case "cli" -> {
        a = with(base, true, false);
        b =
            settings(
                new Accelerator("cpu", 0, false, null, 1, false),
                16,
                Runtime.getRuntime().availableProcessors(),
                true);
      }
      case "batch32" -> {
        a = base;
        b = settings(base.accelerator(), 32, 1, true);
      }
      default ->
          throw new IllegalArgumentException(
              "spinning, buckets, all, threads, cli or batch32: " + comparison);
    }
    List<Sample> samples = samples();
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
    texts(samples);
    Variant va = open("A", a);
    Variant vb = open("B", b);
    try {
      compare(run(va, samples), run(vb, samples));
      run(va, samples); // warm-up, both
      run(vb, samples);
      List<Double> cpuRatios = new ArrayList<>();
      List<Double> rateRatios = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        Pass pa = measure(va, samples);
        Pass pb = measure(vb, samples);
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

  private static EmbeddingSettings with(EmbeddingSettings s, boolean spinning, boolean buckets) {
    return settings(
        s.accelerator().withSpinning(spinning), s.batchSize(), s.concurrency(), buckets);
  }

  /** The built-in encoders, batches waiting at most 20 ms, and the rest as given. */
  private static EmbeddingSettings settings(
      Accelerator accelerator, int batchSize, int concurrency, boolean buckets) {
    return new EmbeddingSettings(
        BuiltinModels.IMAGE,
        BuiltinModels.TEXT,
        accelerator,
        batchSize,
        Duration.ofMillis(20),
        concurrency,
        buckets);
  }

  /**
   * Loads each encoder on a thread named for it, so that ONNX Runtime's pool threads, which take
   * the name of the thread that made them, can be told apart in /proc.
   */
  private static Variant open(String name, EmbeddingSettings s) throws Exception {
    ImageEncoder image =
        onThread(
            "ort" + name + "-image",
            () -> new OnnxImageEncoder(BuiltinModels.resolve(s.imageModel()), s.accelerator()));
    TextEncoder text =
        onThread(
            "ort" + name + "-text",
            () ->
                new OnnxTextEncoder(
                    BuiltinModels.resolve(s.textModel()), s.accelerator(), s.lengthBuckets()));
    Embedder embedder = new Embedder(image, text, s);
    ConceptLabeller labeller = Labellers.create(LabelSettings.defaults(), image, text);
    return new Variant(name, embedder, new FigureAnnotator(embedder, labeller));
  }

  private static <T> T onThread(String name, java.util.function.Supplier<T> make)
      throws InterruptedException {
    AtomicReference<T> made = new AtomicReference<>();
    AtomicReference<RuntimeException> failed = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                made.set(make.get());
              } catch (RuntimeException e) {
                failed.set(e);
              }
            },
            name);
    t.start();
    t.join();
    if (failed.get() != null) {
      throw failed.get();
    }
    return made.get();
  }

  private static List<Annotation> run(Variant v, List<Sample> samples) {
    return Flux.fromIterable(samples)
        .flatMapSequential(
            s ->
                v.annotator()
                    .annotate(
                        s.figure(),
                        s.raster() == null ? null : new NormalizedPixels(s.image(), s.raster())),
            64)
        .collectList()
        .block();
  }

  private static Pass measure(Variant v, List<Sample> samples) throws IOException {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Map<Long, Object[]> before = threads();
    long cpu = os.getProcessCpuTime();
    long started = System.nanoTime();
    run(v, samples);
    double wall = (System.nanoTime() - started) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
    Map<Long, Object[]> after = threads();
    Map<String, Double> groups = new LinkedHashMap<>();
    after.forEach(
        (tid, now) -> {
          Object[] then = before.get(tid);
          long ticks = (long) now[1] - (then == null ? 0 : (long) then[1]);
          groups.merge(group((String) now[0]), ticks / (double) TICKS_PER_SECOND, Double::sum);
        });
    return new Pass(cpuSeconds, wall, groups);
  }

  /** What a thread's name says it does. */
  private static String group(String comm) {
    if (comm.matches("ort[AB]-text")) {
      return "text model: ORT pool threads";
    }
    if (comm.matches("ort[AB]-image")) {
      return "image model: ORT pool threads";
    }
    if (comm.startsWith("embed-text")) {
      return "text model: caller (tokenize, ORT, labels)";
    }
    if (comm.startsWith("embed-image")) {
      return "image model: caller (ORT)";
    }
    if (comm.startsWith("parallel")) {
      return "preprocessing + pixel prior";
    }
    if (comm.contains("GC") || comm.startsWith("G1")) {
      return "GC";
    }
    if (comm.contains("Compiler")) {
      return "JIT";
    }
    return "other";
  }

  /** Every thread of this process: id, then {name, user + system ticks}. */
  private static Map<Long, Object[]> threads() throws IOException {
    Map<Long, Object[]> out = new HashMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          String comm = stat.substring(open + 1, close);
          String[] f = stat.substring(close + 2).split(" ");
          // after the name: state is field 3, utime 14 and stime 15 of stat(5)
          long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
          out.put(Long.parseLong(task.getFileName().toString()), new Object[] {comm, ticks});
        } catch (IOException | RuntimeException gone) {
          // the thread ended while it was read
        }
      }
    }
    return out;
  }

  /** How many texts the annotator embeds per pass, how many tokens, and how many are repeats. */
  private static void texts(List<Sample> samples) {
    List<String> all = new ArrayList<>();
    int captions = 0;
    for (Sample s : samples) {
      String caption = s.figure().caption() == null ? "" : s.figure().caption().strip();
      if (!caption.isEmpty()) {
        all.add(caption);
        captions++;
        all.addAll(CaptionSentences.of(caption));
      }
    }
    long distinct = all.stream().distinct().count();
    System.out.printf(
        "texts embedded per pass: %d (%d captions, %d sentences), %d distinct%n",
        all.size(), captions, all.size() - captions, distinct);
  }

  /** Largest vector difference and label agreement between the two variants' outputs. */
  private static void compare(List<Annotation> a, List<Annotation> b) {
    double maxImage = 0;
    double maxCaption = 0;
    int same = 0;
    int sameTop1 = 0;
    int labelled = 0;
    for (int i = 0; i < a.size(); i++) {
      Annotation x = a.get(i);
      Annotation y = b.get(i);
      maxImage = Math.max(maxImage, diff(x.imageEmbedding(), y.imageEmbedding()));
      maxCaption = Math.max(maxCaption, diff(x.captionEmbedding(), y.captionEmbedding()));
      if (x.labels() == null && y.labels() == null) {
        continue;
      }
      labelled++;
      List<String> gx = x.labels().global().stream().map(ConceptScore::concept).toList();
      List<String> gy = y.labels().global().stream().map(ConceptScore::concept).toList();
      List<String> lx = x.labels().local().stream().map(ConceptScore::concept).toList();
      List<String> ly = y.labels().local().stream().map(ConceptScore::concept).toList();
      same += gx.equals(gy) && lx.equals(ly) ? 1 : 0;
      sameTop1 += gx.get(0).equals(gy.get(0)) ? 1 : 0;
    }
    System.out.printf(
        "outputs B vs A: max |diff| image vectors %.2e, caption vectors %.2e; labelled figures %d, "
            + "same top-1 %d, same global and local concept lists %d%n",
        maxImage, maxCaption, labelled, sameTop1, same);
  }

  private static double diff(org.figstream.records.Embedding x, org.figstream.records.Embedding y) {
    if (x == null || y == null) {
      if (x != y) {
        throw new IllegalStateException("one variant embedded what the other did not");
      }
      return 0;
    }
    double max = 0;
    for (int i = 0; i < x.vector().length; i++) {
      max = Math.max(max, Math.abs(x.vector()[i] - y.vector()[i]));
    }
    return max;
  }

  private static List<Sample> samples() throws IOException {
    ImageNormalizer normalizer = new ImageNormalizer();
    List<Sample> out = new ArrayList<>();
    for (SampleRecords.Extracted e : SampleRecords.articles()) {
      for (FigureRecord f : e.figures()) {
        if (f.mediaFile() == null) {
          out.add(new Sample(f, null, null));
          continue;
        }
        NormalizedPixels n =
            normalizer.normalizeWithPixels(
                Files.readAllBytes(
                    SampleArticles.root().resolve(e.sample().dir()).resolve(f.mediaFile())));
        out.add(new Sample(f, n.image(), n.takePixels()));
      }
    }
    return out;
  }
}
