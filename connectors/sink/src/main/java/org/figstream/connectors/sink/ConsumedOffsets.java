package org.figstream.connectors.sink;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.figstream.connectors.sink.manifest.Manifest;

/** Next offset after the last record seen, by table and topic-partition. */
final class ConsumedOffsets {
  private final Map<String, Map<String, Long>> consumed = new HashMap<>();

  void seen(String table, String topicPartition, long offset) {
    consumed
        .computeIfAbsent(table, t -> new HashMap<>())
        .merge(topicPartition, offset + 1, Math::max);
  }

  /**
   * Moves every stream that has no open shard to what its table consumed: such a stream has stored
   * all of it.
   */
  void storeIn(Manifest.Builder next, Set<String> openStreams) {
    consumed.forEach(
        (table, read) -> {
          for (String stream : Routing.streamsOf(table)) {
            if (!openStreams.contains(stream)) {
              read.forEach((tp, nextOffset) -> next.position(stream, tp, nextOffset));
            }
          }
        });
  }
}
