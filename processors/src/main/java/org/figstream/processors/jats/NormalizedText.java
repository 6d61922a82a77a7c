package org.figstream.processors.jats;

/**
 * Builds text with whitespace normalised on the fly: runs of white space become one space, none at
 * the ends. Block boundaries ask for a space without inventing one where text already has it;
 * inline markup adds nothing, so {@code <italic>E. coli</italic>s} stays "E. colis".
 */
final class NormalizedText {
  private final StringBuilder sb = new StringBuilder(256);
  private boolean pendingSpace;
  private char[] buffer = new char[256];

  void append(CharSequence s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (isSpace(s.charAt(i))) {
        pendingSpace = true;
        i++;
        continue;
      }
      // the longest run that is already normal: words separated by single plain spaces
      int run = i + 1;
      while (run < n) {
        char c = s.charAt(run);
        if (c == ' ' && run + 1 < n && !isSpace(s.charAt(run + 1))) {
          run += 2;
        } else if (isSpace(c)) {
          break;
        } else {
          run++;
        }
      }
      if (pendingSpace && sb.length() > 0) {
        sb.append(' ');
      }
      pendingSpace = false;
      copy(s, i, run);
      i = run;
    }
  }

  /**
   * Bulk copy: StringBuilder.append(CharSequence, int, int) goes char by char, getChars does not.
   */
  private void copy(CharSequence s, int from, int to) {
    int len = to - from;
    if (s instanceof String str) {
      if (buffer.length < len) {
        buffer = new char[Math.max(len, buffer.length * 2)];
      }
      str.getChars(from, to, buffer, 0);
      sb.append(buffer, 0, len);
    } else {
      sb.append(s, from, to);
    }
  }

  /**
   * Between blocks (paragraphs, titles, list items): words on either side must not run together.
   */
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
    return c == ' '
        || c == '\n'
        || c == '\t'
        || c == '\r'
        || c == '\u00A0'
        || Character.isWhitespace(c);
  }
}
