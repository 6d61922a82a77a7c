package org.figstream.processors.hostile;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The check the hostile-input tests rely on sees a file appear, or it would prove nothing. */
class NoNewFilesTest {

  @Test
  void shouldSeeAFileWrittenToTheTmpdir() throws IOException {
    NoNewFiles files = NoNewFiles.snapshot();
    Path made = Files.createTempFile("figstream-check-", ".tmp");
    try {
      assertThatThrownBy(files::assertNoneSince)
          .hasMessageContaining(made.getFileName().toString());
    } finally {
      Files.delete(made);
    }
  }

  @Test
  void shouldSeeAFileWrittenToTheWorkingDirectory() throws IOException {
    NoNewFiles files = NoNewFiles.snapshot();
    Path made = Files.createTempFile(Path.of(""), "figstream-check-", ".tmp");
    try {
      assertThatThrownBy(files::assertNoneSince)
          .hasMessageContaining(made.getFileName().toString());
    } finally {
      Files.delete(made);
    }
  }
}
