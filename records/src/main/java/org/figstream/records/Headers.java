package org.figstream.records;

/** Every Kafka record header figstream writes, named once. */
public final class Headers {
  /**
   * On a {@code figures} or {@code articles} tombstone: why the record left ({@code superseded},
   * {@code retracted}, {@code removed}), as UTF-8.
   */
  public static final String REASON = "figstream.reason";

  /**
   * On an {@code article-versions} record that {@code figstream dlq --replay} re-announced: the
   * reason of the dead letter it replays, as UTF-8. The version gate lets such a version through
   * again even though it has seen it, once per record.
   */
  public static final String REPLAY = "figstream.replay";

  private Headers() {}
}
