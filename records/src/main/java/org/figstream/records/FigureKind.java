package org.figstream.records;

import java.util.Locale;

/** What a pair's image shows: a figure, or a table delivered as an image. */
public enum FigureKind {
  FIGURE,
  TABLE;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
