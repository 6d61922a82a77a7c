package org.figstream.processors.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.figstream.processors.api.ImageRejectedException;
import org.figstream.processors.hostile.CorpusTest;
import org.figstream.records.NormalizedImage;

/**
 * The broken and unusual image files of {@code hostile/images}, each through the real normaliser:
 * it must give exactly the outcome {@code cases.tsv} names, the format and size it read or the
 * dead-letter problem, within two seconds and without writing a file. The file names lie on
 * purpose: the normaliser gets bytes only and must judge them by their content.
 */
class HostileImageCorpusTest extends CorpusTest {
  private final ImageNormalizer normalizer = new ImageNormalizer();

  @Override
  protected String corpus() {
    return "hostile/images";
  }

  /** {@code ok:<format> <width>x<height>} as read from the file, or the rejection's problem. */
  @Override
  protected String outcome(byte[] file) {
    try {
      NormalizedImage image = normalizer.normalizeWithPixels(file).image();
      return "ok:"
          + image.originalFormat()
          + " "
          + image.originalWidth()
          + "x"
          + image.originalHeight();
    } catch (ImageRejectedException e) {
      assertThat(e.getMessage()).isNotBlank();
      return e.problem();
    }
  }
}
