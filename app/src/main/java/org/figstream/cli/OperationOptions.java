package org.figstream.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How a running pipeline reports: the metrics and health endpoint, and progress lines. */
final class OperationOptions {

  @Option(
      names = "--http-port",
      defaultValue = "9464",
      description =
          "Port of /metrics (Prometheus), /health/live and /health/ready; 0 picks a free one, "
              + "-1 turns the endpoint off (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(
      names = "--http-host",
      defaultValue = "127.0.0.1",
      description =
          "Address the endpoint binds; 0.0.0.0 in a container (default: ${DEFAULT-VALUE}).")
  String httpHost;

  @Option(
      names = "--progress-interval",
      defaultValue = "PT5S",
      description =
          "How often a progress line goes to stderr (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration progressInterval;
}
