package org.figstream.records;

import java.util.Locale;

/** The dataset subsets, by what the license allows. */
public enum Subset {
  COMMERCIAL,
  NONCOMMERCIAL,
  OTHER;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
