package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessScratchTest {
  @Test
  void shouldClearTheFoldersOfProcessesThatAreGoneAndKeepLiveOnes(@TempDir Path dataDir)
      throws Exception {
    Path root = dataDir.resolve(ProcessScratch.FOLDER);
    Process live = new ProcessBuilder("sleep", "30").start();
    try {
      Path liveFolder = Files.createDirectories(root.resolve(Long.toString(live.pid())));
      Files.writeString(liveFolder.resolve("librocksdbjni.so"), "in use");
      Process gone = new ProcessBuilder("true").start();
      gone.waitFor();
      Path goneFolder = Files.createDirectories(root.resolve(Long.toString(gone.pid())));
      Files.createDirectories(goneFolder.resolve("onnxruntime-java1"));
      Files.writeString(
          goneFolder.resolve("onnxruntime-java1/libonnxruntime.so"), "left by a kill");
      Files.writeString(root.resolve("stray.tmp"), "not a process's folder");

      Path mine = ProcessScratch.prepare(dataDir);

      assertThat(mine)
          .isEqualTo(root.resolve(Long.toString(ProcessHandle.current().pid())).toAbsolutePath());
      assertThat(mine).isEmptyDirectory();
      assertThat(names(root))
          .containsExactlyInAnyOrder(
              Long.toString(live.pid()), Long.toString(ProcessHandle.current().pid()));
      assertThat(liveFolder.resolve("librocksdbjni.so")).hasContent("in use");
    } finally {
      live.destroyForcibly().waitFor();
    }
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).toList();
    }
  }
}
