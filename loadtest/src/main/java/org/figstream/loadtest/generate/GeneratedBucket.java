package org.figstream.loadtest.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.sample.BucketContents;
import org.figstream.connectors.feed.sample.SampleVersions;
import org.figstream.connectors.feed.sample.SampleVersions.Flags;
import org.figstream.connectors.feed.sample.StoredObject;
import org.figstream.loadtest.generate.ArticlePlanner.Fate;

/**
 * A generated corpus as the PMC bucket would hold it, over inventory days: day d publishes articles
 * {@code (d-1)*perDay} to {@code d*perDay - 1} (version 1), and the changes to the articles of day
 * d-1 (a version 2, a retraction, a removal). A day is built when first asked for: its images are
 * made once for their MD5s (the metadata names them) and kept only in a bounded {@link ImageCache};
 * the bucket holds keys, sizes and ETags, and makes any image again from its spec when it is
 * requested and no longer cached.
 */
public final class GeneratedBucket implements BucketContents {
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 2);

  private final ArticlePlanner planner;
  private final ImageCache cache;
  private final Map<ImageSpec, Made> made = new ConcurrentHashMap<>();
  private final List<TreeMap<String, StoredObject>> states = new ArrayList<>();
  private final List<Map<String, StoredObject>> inventories = new ArrayList<>();

  public GeneratedBucket(GeneratorSettings settings, long cacheBytes) {
    if (settings.days() > 360) {
      throw new IllegalArgumentException(
          "at most 360 inventory days (one calendar year): raise the articles per day");
    }
    this.planner = new ArticlePlanner(settings);
    this.cache = new ImageCache(cacheBytes);
  }

  public ArticlePlanner planner() {
    return planner;
  }

  /** The inventory day's name, e.g. {@code 2026-01-02T01-00Z}, for day 1. */
  public static String dayName(int day) {
    return FIRST_DAY.plusDays(day - 1) + "T01-00Z";
  }

  /** When the objects of a day were written: noon the day before its inventory. */
  static String modified(int day) {
    return FIRST_DAY.plusDays(day - 2) + "T12:00:00.000Z";
  }

  @Override
  public int days() {
    return planner.settings().days();
  }

  @Override
  public synchronized Map<String, StoredObject> objects(int visibleDays) {
    while (states.size() < visibleDays) {
      build(states.size() + 1);
    }
    TreeMap<String, StoredObject> out = new TreeMap<>(states.get(visibleDays - 1));
    for (int d = 0; d < visibleDays; d++) {
      out.putAll(inventories.get(d));
    }
    return out;
  }

  /** The first and last article (exclusive) that appear on a day. */
  public int[] articlesOf(int day) {
    GeneratorSettings s = planner.settings();
    int from = Math.min(s.articles(), (day - 1) * s.articlesPerDay());
    return new int[] {from, Math.min(s.articles(), from + s.articlesPerDay())};
  }

  private void build(int day) {
    TreeMap<String, StoredObject> state =
        day == 1 ? new TreeMap<>() : new TreeMap<>(states.get(day - 2));
    String modified = modified(day);
    int[] fresh = articlesOf(day);
    int[] yesterday = day == 1 ? new int[] {0, 0} : articlesOf(day - 1);
    List<Map<String, StoredObject>> versions =
        IntStream.range(yesterday[0], fresh[1])
            .parallel()
            .mapToObj(
                i -> i >= fresh[0] ? version(i, 1, Flags.OPEN, modified) : change(i, modified))
            .toList();
    for (int i = yesterday[0]; i < yesterday[1]; i++) {
      if (planner.fate(i) == Fate.REMOVED) {
        String gone = ArticlePlanner.pmcid(i) + ".1";
        state
            .keySet()
            .removeIf(k -> k.startsWith(gone + "/") || k.equals("metadata/" + gone + ".json"));
      }
    }
    versions.forEach(state::putAll);
    states.add(state);
    inventories.add(BucketContents.inventory(dayName(day), state));
  }

  /** The objects a change of a day-old article writes (none for a removal or no change). */
  private Map<String, StoredObject> change(int index, String modified) {
    return switch (planner.fate(index)) {
      case REVISED -> version(index, 2, Flags.OPEN, modified);
      case RETRACTED -> version(index, 1, new Flags(true, false, true, null), modified);
      case NONE, REMOVED -> Map.of();
    };
  }

  /** Every object of one version: the XML, its images (made on request) and its metadata. */
  public Map<String, StoredObject> version(int index, int version, Flags flags, String modified) {
    ArticlePlan plan = planner.plan(index, version);
    Map<String, StoredObject> media = new LinkedHashMap<>();
    for (ArticlePlan.FloatPlan image : plan.images()) {
      ImageSpec spec = image.image();
      Made once = made.computeIfAbsent(spec, this::make);
      media.put(
          image.file(),
          StoredObject.lazy(() -> cache.get(spec), once.size(), once.etag(), modified));
    }
    return SampleVersions.objects(
        plan.pmcid(), version, JatsWriter.write(plan), media, flags, modified);
  }

  /** An image's size and MD5, from making it once (it stays cached for the fetch to come). */
  private Made make(ImageSpec spec) {
    byte[] bytes = cache.get(spec);
    return new Made(bytes.length, HttpFetcher.md5Hex(bytes));
  }

  private record Made(long size, String etag) {}

  public long cacheHits() {
    return cache.hits();
  }

  public long cacheMisses() {
    return cache.misses();
  }
}
