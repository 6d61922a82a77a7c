package org.figstream.runtime.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.figstream.state.BoundedRocksDbMemory;

/**
 * The registry that {@link OpsServer} exposes, with the JVM's and the process's own meters bound,
 * so a scrape shows memory, GC, threads and CPU beside the pipeline's counters without each caller
 * repeating the binders.
 */
public final class OpsMetrics {
  private OpsMetrics() {}

  /**
   * A Prometheus registry with the JVM binders and figstream's documented counters at zero ({@link
   * MeterCatalog}); closing it also releases the GC listener.
   */
  public static PrometheusMeterRegistry newRegistry() {
    GcClosingRegistry registry = new GcClosingRegistry();
    registry
        .config()
        .meterFilter(MeterCatalog.filter()); // filters apply at registration: before any meter
    MeterCatalog.registerAtStart(registry);
    Gauge.builder(MeterCatalog.ROCKSDB_USED, BoundedRocksDbMemory::usedBytes).register(registry);
    Gauge.builder(MeterCatalog.ROCKSDB_LIMIT, BoundedRocksDbMemory::limitBytes).register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    registry.gc.bindTo(registry);
    return registry;
  }

  /** The total of a counter over all its label values (0 before any is registered). */
  public static double sum(MeterRegistry registry, String counter) {
    return registry.find(counter).counters().stream().mapToDouble(Counter::count).sum();
  }

  /**
   * Binds the Streams app's client metrics (threads, tasks, producers, consumers) to the registry.
   * The binder polls the app for metrics that appear later, such as those of tasks assigned after a
   * rebalance; close the returned handle, before the app, to stop that polling.
   */
  public static AutoCloseable bindStreams(MeterRegistry registry, KafkaStreams streams) {
    KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
    metrics.bindTo(registry);
    return metrics;
  }

  /**
   * JvmGcMetrics registers notification listeners on the JVM's GC beans that outlive the registry
   * unless closed; tying them to the registry's close keeps {@link #newRegistry()} a one-value
   * factory.
   */
  private static final class GcClosingRegistry extends PrometheusMeterRegistry {
    private final JvmGcMetrics gc = new JvmGcMetrics();

    GcClosingRegistry() {
      super(PrometheusConfig.DEFAULT);
    }

    @Override
    public void close() {
      try {
        gc.close();
      } finally {
        super.close();
      }
    }
  }
}
