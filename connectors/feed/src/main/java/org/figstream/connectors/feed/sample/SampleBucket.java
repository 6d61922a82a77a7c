package org.figstream.connectors.feed.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.figstream.connectors.feed.sample.SampleVersions.Flags;
import org.figstream.connectors.feed.sample.SampleVersions.Folder;

/**
 * The bundled sample articles as the PMC bucket would hold them, over two inventory days that
 * exercise every kind of change. The nine folders, sorted by name, become PMC99000001 to
 * PMC99000009: a range no real PMCID reaches for years, so sample data can never be mistaken for a
 * real article.
 *
 * <ul>
 *   <li>Day 1: articles 1-8, version 1; and PMC99000010.1, an author manuscript outside the OA
 *       subset.
 *   <li>Day 2: article 9 appears; article 2 gets a version 2 with its last figure removed; article
 *       3 is retracted (its metadata changes); article 4's version 1 disappears from the bucket.
 * </ul>
 *
 * <p>The PMCIDs are synthetic, and so is the one PMID: article 5 ({@code elife-46793-v1}, unchanged
 * on both days) has PMID 99000005 in its metadata, and {@code samples/pubmed/} (next to the
 * articles folder) holds the PubMed citations the emulator serves for it by day: efetch without
 * MeSH on day 1, an update file with MeSH on day 2 ({@link PubmedSample}).
 */
public final class SampleBucket implements BucketContents {
  public static final List<String> DAYS = List.of("2026-11-20T01-00Z", "2026-11-21T01-00Z");
  public static final int FIRST_ID = 99000001;
  private static final String DAY1_MODIFIED = "2026-11-19T12:00:00.000Z";
  private static final String DAY2_MODIFIED = "2026-11-20T12:00:00.000Z";

  private final List<String> folders;
  private final List<TreeMap<String, StoredObject>> states = new ArrayList<>();
  private final PubmedSample pubmed;

  private SampleBucket(Path root) {
    pubmed = PubmedSample.load(root.resolveSibling("pubmed"));
    try (Stream<Path> dirs = Files.list(root)) {
      List<Path> sorted = dirs.filter(Files::isDirectory).sorted().toList();
      folders = sorted.stream().map(p -> p.getFileName().toString()).toList();
      if (sorted.size() < 9) {
        throw new IllegalStateException("the sample bucket needs 9 article folders in " + root);
      }
      build(sorted);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SampleBucket load(Path samplesRoot) {
    return new SampleBucket(samplesRoot);
  }

  public static String pmcid(int article) {
    return "PMC" + (FIRST_ID + article - 1);
  }

  /** The sample folder an article number (1-based) was made from. */
  public String folder(int article) {
    return folders.get(article - 1);
  }

  private void build(List<Path> dirs) {
    TreeMap<String, StoredObject> day1 = new TreeMap<>();
    for (int a = 1; a <= 8; a++) {
      day1.putAll(
          SampleVersions.objects(
              pmcid(a), 1, Folder.read(dirs.get(a - 1)), Flags.OPEN, DAY1_MODIFIED));
    }
    day1.putAll(
        SampleVersions.objects(
            "PMC" + (FIRST_ID + 9),
            1,
            Folder.read(dirs.get(8)),
            new Flags(false, true, false, "TDM"),
            DAY1_MODIFIED));
    states.add(day1);

    TreeMap<String, StoredObject> day2 = new TreeMap<>(day1);
    day2.putAll(
        SampleVersions.objects(pmcid(9), 1, Folder.read(dirs.get(8)), Flags.OPEN, DAY2_MODIFIED));
    Folder second = Folder.read(dirs.get(1));
    day2.putAll(
        SampleVersions.objects(
            pmcid(2),
            2,
            second.withXml(SampleVersions.withoutLastFigure(second.xml())),
            Flags.OPEN,
            DAY2_MODIFIED));
    day2.putAll(
        SampleVersions.objects(
            pmcid(3),
            1,
            Folder.read(dirs.get(2)),
            new Flags(true, false, true, null),
            DAY2_MODIFIED));
    String gone = pmcid(4) + ".1";
    day2.keySet().removeIf(k -> k.startsWith(gone + "/") || k.equals("metadata/" + gone + ".json"));
    states.add(day2);
  }

  /** The metadata keys a day's inventory lists, sorted. */
  public List<String> metadataKeys(int day) {
    return states.get(day - 1).keySet().stream().filter(k -> k.startsWith("metadata/")).toList();
  }

  @Override
  public Map<String, StoredObject> objects(int visibleDays) {
    return BucketContents.withInventories(DAYS, states, visibleDays);
  }

  /** {@code samples/pubmed/} beside the articles folder, or none when there is no such folder. */
  @Override
  public PubmedSample pubmed() {
    return pubmed;
  }

  @Override
  public int days() {
    return states.size();
  }
}
