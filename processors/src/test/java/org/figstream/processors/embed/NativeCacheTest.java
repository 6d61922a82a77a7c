package org.figstream.processors.embed;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeCacheTest {
  @TempDir Path dir;

  @Test
  void shouldRefuseADataDirectoryItCannotWriteSayingWhich() throws IOException {
    // a file where a folder should be: unwritable for every user, root included
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    Path dataDir = file.resolve("data");

    assertThatThrownBy(() -> NativeCache.useDataDirectory(dataDir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "the data directory " + dataDir.toAbsolutePath() + " cannot be written (")
        .hasMessageEndingWith("): give --data-dir a folder figstream may write");
  }
}
