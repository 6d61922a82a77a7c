package org.figstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.figstream.connectors.sink.manifest.ConcurrentWriterException;
import org.figstream.connectors.sink.manifest.Manifest;
import org.figstream.connectors.sink.manifest.ManifestStore;
import org.figstream.connectors.sink.manifest.ShardEntry;
import org.figstream.connectors.sink.manifest.WriterLock;
import org.figstream.records.FigureRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per dataset folder: the folder's lock refuses a second sink, and where the lock does
 * not reach (another machine on shared storage, simulated by opening without it) the manifest's
 * generation check keeps the second writer from publishing.
 */
class DatasetWritersTest {
  @TempDir Path dir;

  /**
   * The records of articles {@code from} to {@code to} (exclusive) of the samples, at their offsets
   * in the topics of all of them.
   */
  private static List<TopicRecord> articles(int from, int to) {
    Set<String> keys = new HashSet<>(pairIds(from, to));
    SampleTopics.ARTICLES.subList(from, to).forEach(a -> keys.add(a.article().articleKey()));
    return SampleTopics.upsertAll(List.of()).records().stream()
        .filter(r -> keys.contains(r.key()))
        .toList();
  }

  private static List<String> pairIds(int from, int to) {
    return SampleTopics.ARTICLES.subList(from, to).stream()
        .flatMap(a -> a.figures().stream())
        .map(FigureRecord::pairId)
        .toList();
  }

  private DatasetSink withoutLock(SinkSettings settings) throws IOException {
    return DatasetSink.open(
        settings,
        FaultPoint.Hook.NONE,
        (r, why) -> {
          throw new AssertionError("rejected " + r.key() + ": " + why);
        },
        null);
  }

  private List<String> figuresInDuckDb() {
    return Duck.strings(
        "SELECT pair_id FROM read_parquet('" + dir + "/figures/*/*.parquet') ORDER BY pair_id");
  }

  /** Every file the manifest lists is there, and no other Parquet file is. */
  private void assertConsistent(Manifest m) throws IOException {
    List<String> listed = m.files().stream().map(ShardEntry::path).sorted().toList();
    try (var all = Files.walk(dir)) {
      assertThat(
              all.filter(p -> p.toString().endsWith(".parquet") || p.toString().endsWith(".tmp"))
                  .map(p -> dir.relativize(p).toString())
                  .sorted()
                  .toList())
          .isEqualTo(listed);
    }
  }

  @Test
  void shouldRefuseASecondSinkOnTheFolderNamingTheFirstOne() throws IOException {
    SinkSettings settings = SinkSettings.defaults(dir);
    try (DatasetSink first = DatasetSinkTest.open(settings, FaultPoint.Hook.NONE)) {
      String holder =
          InetAddress.getLocalHost().getHostName()
              + " pid "
              + ManagementFactory.getRuntimeMXBean().getPid()
              + " since ";
      assertThatThrownBy(() -> DatasetSinkTest.open(settings, FaultPoint.Hook.NONE))
          .isInstanceOf(ConcurrentWriterException.class)
          .hasMessageMatching(
              Pattern.quote("the dataset at " + dir + " already has a writer (" + holder)
                  + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"
                  + Pattern.quote(
                      ", holding "
                          + dir.resolve(WriterLock.FILE)
                          + "): a dataset takes one writer, so one sink (one Connect task) per "
                          + "dataset folder"));
      first.write(articles(0, 3));
      first.commitAll();
    }
    // closed, the folder takes a new writer
    try (DatasetSink next = DatasetSinkTest.open(settings, FaultPoint.Hook.NONE)) {
      next.write(articles(3, 9));
      next.commitAll();
    }
    assertThat(figuresInDuckDb()).hasSize(82);
  }

  @Test
  void shouldLetOnlyOneOfTwoWritersPastTheLockPublish() throws IOException {
    SinkSettings settings = SinkSettings.defaults(dir);
    Manifest published;
    try (DatasetSink a = DatasetSinkTest.open(settings, FaultPoint.Hook.NONE);
        DatasetSink b = withoutLock(settings)) {
      long opened = a.manifest().generation();
      a.write(articles(0, 4));
      a.commitAll();
      b.write(articles(4, 9));

      assertThatThrownBy(b::commitAll)
          .isInstanceOf(ConcurrentWriterException.class)
          .hasMessage(
              "the dataset at "
                  + dir
                  + " has two writers: this one built generation "
                  + (opened + 1)
                  + " on generation "
                  + opened
                  + ", but another writer published generation "
                  + (opened + 1)
                  + " meanwhile");
      published = a.manifest();
      assertThat(published.generation()).isEqualTo(opened + 1);
    }
    Manifest onDisk = ManifestStore.read(dir);
    assertThat(onDisk).usingRecursiveComparison().isEqualTo(published);
    assertConsistent(onDisk);
    assertThat(figuresInDuckDb()).isEqualTo(pairIds(0, 4).stream().sorted().toList());
    assertThat(Duck.count("SELECT count(*) FROM read_parquet('" + dir + "/articles/*/*.parquet')"))
        .isEqualTo(4);
    // the winner's dataset opens clean: nothing of the loser's to settle
    try (DatasetSink reopened = DatasetSinkTest.open(settings, FaultPoint.Hook.NONE)) {
      assertThat(reopened.manifest()).usingRecursiveComparison().isEqualTo(published);
    }
  }

  @Test
  void shouldRefuseToWriteAShardAnotherWriterHasOpen() throws IOException {
    SinkSettings settings = SinkSettings.defaults(dir);
    try (DatasetSink a = DatasetSinkTest.open(settings, FaultPoint.Hook.NONE);
        DatasetSink b = withoutLock(settings)) {
      a.write(articles(0, 1));
      // b took the same next file number from the same manifest
      assertThatThrownBy(() -> b.write(articles(0, 1)))
          .isInstanceOf(ConcurrentWriterException.class)
          .hasMessageStartingWith(
              "the dataset at " + dir + " has two writers: another one is writing ");
      a.commitAll();
    }
    assertConsistent(ManifestStore.read(dir));
    assertThat(figuresInDuckDb()).isEqualTo(pairIds(0, 1).stream().sorted().toList());
  }

  @Test
  void shouldRefuseAManifestWhoseGenerationAnotherWriterClaimed() throws IOException {
    Manifest first = Manifest.empty().toBuilder().build(1L);
    ManifestStore.write(dir, first);
    Files.writeString(
        dir.resolve(".manifest-2.claim"), "other-host pid 7 since 2026-12-04T00:00:00Z");

    assertThatThrownBy(() -> ManifestStore.write(dir, first.toBuilder().build(2L)))
        .isInstanceOf(ConcurrentWriterException.class)
        .hasMessage(
            "the dataset at "
                + dir
                + " has two writers: this one built generation 2 on generation 1, but another "
                + "writer is publishing that generation (other-host pid 7 since "
                + "2026-12-04T00:00:00Z)");
    assertThat(ManifestStore.read(dir)).isEqualTo(first);
    // the claim of a writer that died mid-publication is cleared by the next one to take the lock
    assertThat(ManifestStore.clearClaims(dir)).isEqualTo(1);
    ManifestStore.write(dir, first.toBuilder().build(2L));
    assertThat(ManifestStore.read(dir).generation()).isEqualTo(2);
  }
}
