package org.figstream.processors.jats;

import java.text.BreakIterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the sentence around a citation. The JDK's sentence breaker, corrected for the abbreviations
 * scientific prose is full of ("Fig. 2", "et al. (2010)", "e.g.", initials), and never splitting
 * inside the citation itself.
 */
final class Sentences {
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "fig.", "figs.", "al.", "e.g.", "i.e.", "vs.", "cf.", "eq.", "eqs.", "ref.", "refs.",
          "approx.", "ca.", "suppl.", "supp.", "no.", "nos.", "dr.", "mr.", "ms.", "st.", "resp.",
          "tab.", "sect.", "sec.", "ch.", "p.", "pp.", "vol.", "etc.", "spp.", "sp.", "var.",
          "inc.", "ltd.", "co.");

  private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+");

  /** Creating a breaker copies its rule tables: one per thread, reused, costs far less. */
  private static final ThreadLocal<BreakIterator> BREAKER =
      ThreadLocal.withInitial(() -> BreakIterator.getSentenceInstance(Locale.ENGLISH));

  private Sentences() {}

  /** The sentence of {@code text} that holds {@code [start, end)}, widened to whole sentences. */
  static String around(String text, int start, int end) {
    return around(text, boundaries(text), start, end);
  }

  /**
   * Every real sentence boundary of {@code text}, 0 and its length included: found once per
   * paragraph, however many citations it holds.
   */
  static int[] boundaries(String text) {
    BreakIterator breaks = BREAKER.get();
    breaks.setText(text);
    int[] out = new int[16];
    int n = 0;
    out[n++] = 0;
    for (int b = breaks.next(); b != BreakIterator.DONE && b < text.length(); b = breaks.next()) {
      if (b > 0 && isRealBoundary(text, b)) {
        if (n == out.length) {
          out = java.util.Arrays.copyOf(out, n * 2);
        }
        out[n++] = b;
      }
    }
    out = java.util.Arrays.copyOf(out, n + 1);
    out[n] = text.length();
    return out;
  }

  /** The sentence holding {@code [start, end)}, between the real boundaries around it. */
  static String around(String text, int[] boundaries, int start, int end) {
    long span = span(text, boundaries, start, end);
    return text.substring((int) (span >>> 32), (int) span);
  }

  /**
   * Where {@link #around(String, int[], int, int)}'s sentence lies in {@code text}, trimmed: its
   * start in the high 32 bits, its end in the low ones (found once per citation, so no array).
   */
  static long span(String text, int[] boundaries, int start, int end) {
    if (text.isEmpty()) {
      return 0;
    }
    int from = Math.max(0, Math.min(start, text.length() - 1));
    int to = Math.max(from + 1, Math.min(end, text.length()));
    int i = java.util.Arrays.binarySearch(boundaries, from);
    int s = boundaries[i >= 0 ? i : -i - 2];
    int j = java.util.Arrays.binarySearch(boundaries, to);
    int e = boundaries[j >= 0 ? j : -j - 1];
    // as String.trim() does
    while (s < e && text.charAt(s) <= ' ') {
      s++;
    }
    while (e > s && text.charAt(e - 1) <= ' ') {
      e--;
    }
    return ((long) s << 32) | e;
  }

  /** False where the breaker split after an abbreviation or an initial, or before lower case. */
  private static boolean isRealBoundary(String text, int at) {
    int next = at;
    while (next < text.length() && text.charAt(next) == ' ') {
      next++;
    }
    if (next < text.length()) {
      char c = text.charAt(next);
      if (Character.isLowerCase(c) || Character.isDigit(c)) {
        return false;
      }
    }
    int end = at;
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    int begin = end;
    while (begin > 0 && text.charAt(begin - 1) != ' ' && text.charAt(begin - 1) != '(') {
      begin--;
    }
    // "[Fig." and "\"e.g." are still abbreviations: opening brackets and quotes are not part of the
    // word.
    String word =
        LEADING_PUNCTUATION
            .matcher(text.substring(begin, end))
            .replaceFirst("")
            .toLowerCase(Locale.ROOT);
    if (!word.endsWith(".")) {
      return true;
    }
    boolean initial = word.length() == 2 && Character.isLetter(word.charAt(0));
    return !initial && !ABBREVIATIONS.contains(word);
  }
}
