package org.figstream.runtime.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies the catalog to meters as they register: most are made in modules that do not know the
 * catalog, so their help text and histogram buckets can only be added on the way into the registry.
 */
final class HelpTextFilter implements MeterFilter {
  private static final Map<String, MeterCatalog.Doc> BY_NAME =
      MeterCatalog.DOCS.stream()
          .collect(Collectors.toMap(MeterCatalog.Doc::name, Function.identity()));

  @Override
  public Meter.Id map(Meter.Id id) {
    MeterCatalog.Doc doc = BY_NAME.get(id.getName());
    return doc == null || id.getDescription() != null
        ? id
        : new Meter.Id(
            id.getName(),
            Tags.of(id.getTagsAsIterable()),
            id.getBaseUnit(),
            doc.help(),
            id.getType());
  }

  @Override
  public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
    return MeterCatalog.HISTOGRAMS.contains(id.getName())
        ? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config)
        : config;
  }
}
