package org.figstream.processors.hostile;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A test over one hostile corpus folder: every file gives its listed outcome within two seconds,
 * every file is listed, and no file is written while the cases run. Per-class instances, so that
 * the corpus folder and the outcome can come from the subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CorpusTest {
  private NoNewFiles files;

  /** The corpus folder on the test classpath, such as {@code hostile/jats}. */
  protected abstract String corpus();

  /** What the code under test makes of one file, in the words of the folder's cases.tsv. */
  protected abstract String outcome(byte[] file);

  @BeforeAll
  void snapshotFiles() {
    files = NoNewFiles.snapshot();
  }

  @AfterAll
  void shouldHaveWrittenNoFile() {
    files.assertNoneSince();
  }

  List<CorpusCase> cases() {
    return CorpusCase.read(corpus());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldGiveTheListedOutcome(CorpusCase c) throws IOException {
    c.assertOutcome(this::outcome);
  }

  @Test
  void shouldListEveryFileOfTheCorpus() throws IOException {
    CorpusCase.assertManifestComplete(corpus());
  }
}
