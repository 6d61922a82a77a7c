package org.figstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.figstream.connectors.sink.manifest.Manifest;
import org.figstream.connectors.sink.manifest.ManifestStore;
import org.figstream.connectors.sink.manifest.ShardEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFilesTest {
  @TempDir Path dir;

  @Test
  void shouldRefuseAFileOutsideTheDataset() {
    DatasetFiles files = new DatasetFiles(dir);
    assertThatThrownBy(() -> files.path("../escape.parquet"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> files.path("figures/../../escape.parquet"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldNeverMoveAnotherWritersTemporaryFileOverACommittedOne() throws IOException {
    // a second writer past the lock took the same number, and its commit lost the generation
    // check: its temporary file lies beside the winner's published one
    DatasetFiles files = new DatasetFiles(dir);
    String shard = DatasetFiles.name("articles/commercial", 7, ".parquet");
    Files.createDirectories(files.path(shard).getParent());
    Files.writeString(files.path(shard), "the winner's rows");
    Files.writeString(files.temporary(shard), "the loser's rows");
    Manifest m =
        Manifest.empty().toBuilder()
            .add(new ShardEntry(shard, "articles/commercial", 1, 17, Map.of()))
            .build(1L);
    ManifestStore.write(dir, m);

    files.settle(ManifestStore.read(dir));

    assertThat(Files.readString(files.path(shard))).isEqualTo("the winner's rows");
    assertThat(files.temporary(shard)).doesNotExist();
  }

  @Test
  void shouldRenameListedFilesLeftUnderTheirTemporaryNameAndDeleteEverythingElse()
      throws IOException {
    DatasetFiles files = new DatasetFiles(dir);
    String listed = DatasetFiles.name("figures/commercial", 3, ".parquet");
    String orphan = DatasetFiles.name("figures/commercial", 4, ".parquet");
    Files.createDirectories(files.path(listed).getParent());
    Files.writeString(files.temporary(listed), "committed");
    Files.writeString(files.temporary(orphan), "never committed");
    String stray = DatasetFiles.name("figures/deletes", 5, ".parquet");
    Files.createDirectories(files.path(stray).getParent());
    Files.writeString(files.path(stray), "not in the manifest");
    Manifest m =
        Manifest.empty().toBuilder()
            .add(new ShardEntry(listed, "figures/commercial", 1, 9, Map.of()))
            .build(1L);
    ManifestStore.write(dir, m);

    assertThat(files.settle(ManifestStore.read(dir))).isEqualTo(2); // the orphan and the stray
    assertThat(Files.readString(files.path(listed))).isEqualTo("committed");
    try (var all = Files.walk(dir)) {
      assertThat(
              all.filter(Files::isRegularFile)
                  .map(p -> dir.relativize(p).toString())
                  .sorted()
                  .toList())
          .isEqualTo(List.of("_manifest.json", listed));
    }
  }

  @Test
  void shouldRefuseToStartWhenACommittedFileIsGone() throws IOException {
    String listed = DatasetFiles.name("figures/other", 1, ".parquet");
    ManifestStore.write(
        dir,
        Manifest.empty().toBuilder()
            .add(new ShardEntry(listed, "figures/other", 1, 9, Map.of()))
            .build(1L));
    assertThatThrownBy(() -> new DatasetFiles(dir).settle(ManifestStore.read(dir)))
        .hasMessageContaining("lists " + listed + " but it is gone");
  }
}
