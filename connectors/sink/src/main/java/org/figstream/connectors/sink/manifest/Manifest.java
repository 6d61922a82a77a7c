package org.figstream.connectors.sink.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the dataset is: its committed files, and for every stream the next topic offset it has not
 * yet committed, by {@code topic-partition}. A record at offset {@code o} of a stream is in the
 * dataset iff {@code o < positions[stream][partition]}; that is what makes a restart resume with
 * nothing lost and nothing written twice.
 *
 * @param generation bumped by every commit
 * @param compactedAt when compaction last ran, or the first commit if it never has: where the next
 *     compaction interval starts, kept here so that neither a restart nor a reopened sink resets it
 * @param nextFile the number the next file gets, so names are never reused
 * @param webdataset the current WebDataset export's tar files, empty when there is none
 */
public record Manifest(
    int format,
    long generation,
    long committedAt,
    long compactedAt,
    long nextFile,
    List<ShardEntry> files,
    Map<String, Map<String, Long>> positions,
    List<String> webdataset) {

  /**
   * The dataset layout this figstream writes. 2: figure rows of
   * records/schemas/dataset-figure.v2.avsc (image as a {bytes, path} struct with Hugging Face
   * features, perceptual hash as hex), article maps as key/value lists, webdataset/current.txt; row
   * layout dataset-figure.v3 only adds the nullable {@code ocr} column, which readers that union
   * columns by name read beside v2 shards, so it stays format 2. 1: the layout before.
   */
  public static final int FORMAT = 2;

  public static Manifest empty() {
    return new Manifest(FORMAT, 0, 0, 0, 1, List.of(), Map.of(), List.of());
  }

  /** The next offset to commit for {@code stream} on {@code topicPartition}; 0 when it has none. */
  public long position(String stream, String topicPartition) {
    return positions.getOrDefault(stream, Map.of()).getOrDefault(topicPartition, 0L);
  }

  /**
   * Rows and files per stream, by stream name in order: what the card and the run's summary report.
   */
  public SortedMap<String, StreamSize> sizes() {
    SortedMap<String, StreamSize> sizes = new TreeMap<>();
    for (ShardEntry f : files) {
      sizes.put(f.stream(), sizes.getOrDefault(f.stream(), new StreamSize(0, 0)).plus(f));
    }
    return sizes;
  }

  /**
   * This manifest with file number {@code nextFile} taken: for a file that is not committed yet.
   */
  public Manifest takeFileNumber() {
    return new Manifest(
        format, generation, committedAt, compactedAt, nextFile + 1, files, positions, webdataset);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A manifest being changed by a commit or a compaction. */
  public static final class Builder {
    private final Manifest from;
    private final List<ShardEntry> files;
    private final Map<String, Map<String, Long>> positions = new TreeMap<>();
    private long nextFile;
    private long compactedAt;
    private List<String> webdataset;

    Builder(Manifest from) {
      this.from = from;
      this.files = new ArrayList<>(from.files());
      from.positions().forEach((s, p) -> positions.put(s, new TreeMap<>(p)));
      this.nextFile = from.nextFile();
      this.compactedAt = from.compactedAt();
      this.webdataset = from.webdataset();
    }

    public long takeFileNumber() {
      return nextFile++;
    }

    public Builder add(ShardEntry file) {
      files.add(file);
      return this;
    }

    public Builder remove(ShardEntry file) {
      files.remove(file);
      return this;
    }

    public Builder position(String stream, String topicPartition, long next) {
      positions.computeIfAbsent(stream, s -> new TreeMap<>()).put(topicPartition, next);
      return this;
    }

    /** Marks this change as a compaction that ran at {@code now}. */
    public Builder compacted(long now) {
      this.compactedAt = now;
      return this;
    }

    public Builder webdataset(List<String> tars) {
      this.webdataset = List.copyOf(tars);
      return this;
    }

    public Manifest build(long now) {
      Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
      positions.forEach((s, p) -> copy.put(s, Map.copyOf(p)));
      return new Manifest(
          FORMAT,
          from.generation() + 1,
          now,
          compactedAt == 0 ? now : compactedAt,
          nextFile,
          List.copyOf(files),
          copy,
          webdataset);
    }
  }
}
