package org.figstream.processors.label;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.figstream.records.OcrLine;

/**
 * Single or multiple panels, read from the caption: authors name the panels they describe, as
 * "(A)", "(b)", "A)", "(A-C)", "A." at a sentence start, or "left panel". Captions that name two or
 * more panels, or a range of them, describe a multi-panel figure; so does an image in which OCR
 * read two or more panel letters ({@link PanelLetters}), and an image whose gutters set two or more
 * panels apart ({@link PanelGutters}; not for table images, whose rows and columns are set apart by
 * blank bands too).
 */
public final class PanelType {
  public static final String SINGLE = "single";
  public static final String MULTIPLE = "multiple";

  // "(B)", "(b,", "(A–C)"; not "(d = 0.5)" or "(a total of ...)".
  private static final Pattern BRACKETED =
      Pattern.compile("\\(([A-Ha-h])(?:\\s*[,–\\-—]\\s*([A-Ha-h]))?\\s*[,)]");
  // "B) Quantification" or "C. Western blot" at a sentence start; not "E. coli".
  private static final Pattern CLOSING =
      Pattern.compile("(?:^|[.;:]\\s+)([A-H])[.)]\\s+(?=[A-Z(])");
  private static final Pattern RANGE = Pattern.compile("\\b[A-Ha-h]\\s*[–\\-—]\\s*[A-Ha-h]\\b\\)");
  private static final Pattern WORDS =
      Pattern.compile(
          "\\b(?:(?:left|right|upper|lower|top|bottom|middle)(?:\\s+\\w+)?\\s+panels?|panels)\\b",
          Pattern.CASE_INSENSITIVE);

  private PanelType() {}

  /** From everything the labeller has of the figure. */
  public static String ofFigure(LabelInput figure) {
    boolean gutters = !figure.tableImage() && figure.panels() != null && figure.panels() >= 2;
    return gutters ? MULTIPLE : of(figure.caption(), figure.lines());
  }

  /**
   * @param lines the text read in the image; null when OCR did not run
   */
  public static String of(String caption, List<OcrLine> lines) {
    return PanelLetters.of(lines).size() >= 2 ? MULTIPLE : of(caption);
  }

  public static String of(String caption) {
    if (caption == null) {
      return SINGLE;
    }
    Set<Character> letters = new HashSet<>();
    Matcher m = BRACKETED.matcher(caption);
    while (m.find()) {
      letters.add(Character.toUpperCase(m.group(1).charAt(0)));
      if (m.group(2) != null) {
        return MULTIPLE;
      }
    }
    Matcher c = CLOSING.matcher(caption);
    while (c.find()) {
      letters.add(c.group(1).charAt(0));
    }
    if (letters.size() >= 2 || RANGE.matcher(caption).find() || WORDS.matcher(caption).find()) {
      return MULTIPLE;
    }
    return SINGLE;
  }
}
