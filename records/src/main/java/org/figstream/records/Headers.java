package org.figstream.records;

/** Every Kafka record header figstream writes, named once. */
public final class Headers {
  /**
   * On a {@code figures} or {@code articles} tombstone: why the record left ({@code superseded},
   * {@code retracted}, {@code removed}), as UTF-8.
   */
  public static final String REASON = "figstream.reason";

  private Headers() {}
}
