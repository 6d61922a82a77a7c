package org.figstream.runtime.ops;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code name[]} parameters of a scrape, as Prometheus's own client libraries read them: {@code
 * /metrics?name[]=figstream_lag&name[]=jvm_memory_used_bytes} answers with those meters only. A
 * full scrape reads every Kafka client and Streams gauge (some ask RocksDB for its properties), so
 * a poller that wants a few numbers every second, as the load harness does, should not pay for
 * thousands.
 */
final class ScrapeFilter {
  /**
   * Sample suffixes the exposition adds to a meter's name; a name is accepted with or without. Not
   * {@code _max}: a timer's maximum is a family of its own ({@code x_seconds_max}, a gauge).
   */
  private static final List<String> SUFFIXES =
      List.of("_total", "_created", "_count", "_sum", "_bucket", "_info");

  private ScrapeFilter() {}

  /**
   * The meter names the request asks for, each also without its sample suffix (the registry matches
   * family names: {@code x_total} is the sample of family {@code x}); empty for all.
   */
  static Set<String> names(String uri) {
    List<String> asked = new QueryStringDecoder(uri).parameters().getOrDefault("name[]", List.of());
    Set<String> names = new LinkedHashSet<>();
    for (String name : asked) {
      if (name.isBlank()) {
        continue;
      }
      names.add(name);
      for (String suffix : SUFFIXES) {
        if (name.endsWith(suffix)) {
          names.add(name.substring(0, name.length() - suffix.length()));
        }
      }
    }
    return names;
  }
}
