package org.figstream.processors.jats;

/**
 * Builds text with whitespace normalised on the fly: runs of white space become one space, none at
 * the ends. Block boundaries ask for a space without inventing one where text already has it; inline
 * markup adds nothing, so {@code <italic>E. coli</italic>s} stays "E. colis".
 */
final class NormalizedText {
  private final StringBuilder sb = new StringBuilder(256);
  private boolean pendingSpace;

  void append(CharSequence s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (isSpace(s.charAt(i))) {
        pendingSpace = true;
        i++;
        continue;
      }
      int run = i + 1;
      while (run < n && !isSpace(s.charAt(run))) {
        run++;
      }
      if (pendingSpace && sb.length() > 0) {
        sb.append(' ');
      }
      pendingSpace = false;
      sb.append(s, i, run); // whole words at once: this is the extractor's hottest loop
      i = run;
    }
  }

  /** Between blocks (paragraphs, titles, list items): words on either side must not run together. */
  void boundary() {
    pendingSpace = true;
  }

  /** Where the next visible character will land. */
  int nextPosition() {
    return sb.length() + (pendingSpace && sb.length() > 0 ? 1 : 0);
  }

  int length() {
    return sb.length();
  }

  boolean isEmpty() {
    return sb.length() == 0;
  }

  @Override
  public String toString() {
    return sb.toString();
  }

  static boolean isSpace(char c) {
    if (c > ' ' && c < 0x80) {
      return false;
    }
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00A0' || Character.isWhitespace(c);
  }
}
