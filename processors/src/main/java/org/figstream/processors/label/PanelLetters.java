package org.figstream.processors.label;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.figstream.records.OcrLine;

/**
 * Panel letters read in a figure's image (with {@code --ocr}): many multi-panel figures letter
 * their panels in the image and never name them in the caption. The rule, fixed before it was
 * measured: a line read as one letter A to H alone (either case, optionally bracketed or followed
 * by "." or ")"), with the recogniser's confidence at least {@link #MIN_SCORE}, is a panel letter;
 * two or more different ones make the figure multi-panel.
 */
final class PanelLetters {
  /** Single letters are easy to misread; a low-confidence one is as likely a tick mark. */
  static final float MIN_SCORE = 0.8f;

  private static final Pattern LETTER = Pattern.compile("\\(?([A-Ha-h])[.)]?");

  private PanelLetters() {}

  /** The distinct panel letters among the lines, upper-cased; empty for none or no lines. */
  static Set<Character> of(List<OcrLine> lines) {
    Set<Character> letters = new HashSet<>();
    if (lines == null) {
      return letters;
    }
    for (OcrLine line : lines) {
      Matcher m = LETTER.matcher(line.text().strip());
      if (line.score() >= MIN_SCORE && m.matches()) {
        letters.add(Character.toUpperCase(m.group(1).charAt(0)));
      }
    }
    return letters;
  }
}
