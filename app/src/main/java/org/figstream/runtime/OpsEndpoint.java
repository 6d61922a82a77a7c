package org.figstream.runtime;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import org.figstream.runtime.ops.OpsServer;
import org.figstream.runtime.sink.DatasetSinkRunner;

/**
 * An {@link Instance}'s metrics and health endpoint: ready while the Streams app runs, the
 * enrichment stage is healthy and the dataset sink (if any) has not failed.
 */
final class OpsEndpoint {
  private OpsEndpoint() {}

  /**
   * Starts the endpoint unless {@code ops} turns it off (a negative port), into {@code opened}.
   *
   * @param sink the dataset sink; null without a dataset
   */
  static void start(
      InstanceSettings.Ops ops,
      OpenedResources opened,
      PrometheusMeterRegistry metrics,
      Pipeline pipeline,
      DatasetSinkRunner sink,
      PrintWriter log) {
    if (ops.httpPort() < 0) {
      return;
    }
    OpsServer server =
        opened.open(
            OpsServer.start(
                ops.httpHost(),
                ops.httpPort(),
                metrics,
                pipeline::state,
                () -> pipeline.stageHealthy() && (sink == null || sink.failure() == null)));
    log.printf(
        "figstream: metrics at http://%s:%d/metrics, health at /health/live and /health/ready%n",
        ops.httpHost(), server.port());
  }
}
