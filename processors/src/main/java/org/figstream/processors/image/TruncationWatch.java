package org.figstream.processors.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import org.figstream.processors.api.ImageRejectedException;
import org.figstream.processors.api.ImageRejectedException.Reason;

/**
 * The JPEG decoders do not throw on a truncated file: they warn ("Premature end of JPEG file") and
 * return an image padded with grey. A half-grey figure is worse than none, so such warnings reject.
 * Other warnings (extraneous bytes, odd APP segments) are common in real figures and harmless.
 */
final class TruncationWatch implements IIOReadWarningListener {

  private final List<String> fatal = new ArrayList<>();

  @Override
  public void warningOccurred(ImageReader source, String warning) {
    String w = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
    if (w.contains("premature end") || w.contains("truncat") || w.contains("eof")) {
      fatal.add(warning);
    }
  }

  void check(String format) {
    if (!fatal.isEmpty()) {
      throw new ImageRejectedException(
          Reason.CORRUPT, format + " data ends early: " + fatal.get(0));
    }
  }
}
