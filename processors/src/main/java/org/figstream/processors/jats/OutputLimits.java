package org.figstream.processors.jats;

/**
 * Every bound on what the extractor returns for one article, in one place (issue 18: one paragraph
 * of 20,000 citations made 20,000 mentions each holding the whole paragraph, 8.8 billion
 * characters, past Java's array limit once serialised). The real articles of samples/articles and
 * the PMC fixtures (13 articles, 120 figures) have at most 19 mentions per figure, sentences far
 * under 1,000 characters, citing paragraphs of at most 4,235 characters and captions of at most
 * 3,270: each limit leaves a wide margin above them, so only hostile or broken input is cut.
 */
public final class OutputLimits {
  /** Mentions kept per figure, the first in document order: 3 times the most seen (19). */
  public static final int MENTIONS_PER_FIGURE = 64;

  /** A mention's sentence, cut to a window around the citation when longer. */
  public static final int SENTENCE_CHARS = 1_000;

  /** A mention's paragraph, cut to a window around the citation: twice the longest seen. */
  public static final int PARAGRAPH_CHARS = 10_000;

  /** A citation's own text ("Figure 2A"); the longest seen has 33 characters. */
  public static final int XREF_TEXT_CHARS = 200;

  /** A caption and a caption title: 6 times the longest caption seen. */
  public static final int CAPTION_CHARS = 20_000;

  /**
   * All the text of one article's pairs, each pair counted with {@link #RECORD_CHARS} more for its
   * field names and numbers: an article over it is refused whole (kind TOO_LARGE). The limits above
   * bound each field but not their copies: every graphic of a figure is a pair with the figure's
   * caption and mentions, and a {@code rid} may cite thousands of figures at once. 16 Mi characters
   * are at most 96 MiB of JSON even if every character were escaped as {@code \}{@code uXXXX}; the
   * largest sample article (elife-46793-v1) holds about 0.27 Mi.
   */
  public static final long ARTICLE_CHARS = 16L * 1024 * 1024;

  /** What a pair costs in the budget beside its text (its JSON has about 300 bytes of names). */
  public static final int RECORD_CHARS = 512;

  private OutputLimits() {}

  /** {@code text}, or its first {@code max} characters. */
  static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, safeEnd(text, max));
  }

  /**
   * {@code text[from, to)}, or a window of {@code max} characters of it centred on the citation at
   * {@code [start, end)}, never splitting a surrogate pair.
   */
  static String window(String text, int from, int to, int start, int end, int max) {
    if (to - from <= max) {
      return text.substring(from, to);
    }
    int centre = (Math.max(from, start) + Math.min(to, end)) / 2;
    int s = Math.max(from, Math.min(centre - max / 2, to - max));
    int e = s + max;
    if (s > from && Character.isLowSurrogate(text.charAt(s))) {
      s++;
    }
    return text.substring(s, safeEnd(text, e));
  }

  private static int safeEnd(String text, int e) {
    return e > 0 && e < text.length() && Character.isHighSurrogate(text.charAt(e - 1)) ? e - 1 : e;
  }
}
