package org.figstream.records;

/** What an announcement tells downstream. */
public enum Change {
  /** A new version, or a version whose files or metadata changed (a retraction among them). */
  VERSION,
  /** A version that disappeared from the bucket: its pairs must go. */
  REMOVAL
}
