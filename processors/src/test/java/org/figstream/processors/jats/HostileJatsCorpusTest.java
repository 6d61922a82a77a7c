package org.figstream.processors.jats;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.hostile.CorpusTest;
import org.figstream.processors.hostile.LoopbackListener;
import org.figstream.records.FigureRecord;
import org.junit.jupiter.api.AfterAll;

/**
 * The hostile JATS files of {@code hostile/jats}, each through the real extractor: it must give
 * exactly the outcome {@code cases.tsv} names, the captions of the figures or the error kind,
 * within two seconds, without connecting to the loopback listener the files point at and without
 * writing a file.
 */
class HostileJatsCorpusTest extends CorpusTest {
  private final LoopbackListener listener = new LoopbackListener();
  private final JatsExtractor extractor = new JatsExtractor();

  @AfterAll
  void shouldNeverHaveConnected() throws IOException {
    listener.close();
    assertThat(listener.connections()).as("connections to the loopback listener").isZero();
  }

  @Override
  protected String corpus() {
    return "hostile/jats";
  }

  /** The figure captions, {@code |}-separated, or the kind of the typed error. */
  @Override
  protected String outcome(byte[] file) {
    try {
      List<ExtractedArticle> articles = extractor.extract(withPort(file), List.of("f1"));
      return "captions:"
          + articles.stream()
              .flatMap(a -> a.figures().stream())
              .map(FigureRecord::caption)
              .collect(Collectors.joining("|"));
    } catch (ExtractionException e) {
      assertThat(e.getMessage()).isNotBlank();
      return e.kind().name();
    }
  }

  /** The file with the listener's port for the placeholder; ISO-8859-1 keeps every other byte. */
  private byte[] withPort(byte[] file) {
    String text = new String(file, ISO_8859_1);
    return text.replace(HostileJatsCorpus.PORT, String.valueOf(listener.port()))
        .getBytes(ISO_8859_1);
  }
}
