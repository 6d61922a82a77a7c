package org.figstream.cli;

import picocli.CommandLine;

/**
 * ONNX Runtime reads {@code ORT_DISABLE_TELEMETRY} from the environment when it starts, and without
 * it writes a device id and a database under {@code ~/.cache/Microsoft} and may upload to
 * Microsoft. A Java process cannot set its own environment: the launcher and the image set it, a
 * bare {@code java -jar} of a command that loads models is told.
 */
final class TelemetryNotice {
  private TelemetryNotice() {}

  static void warnIfOn(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult command = Main.leaf(parsed);
    String name = command.commandSpec().name();
    boolean loadsModels = name.equals("run") || name.equals("enrich");
    if (loadsModels && System.getenv("ORT_DISABLE_TELEMETRY") == null) {
      command
          .commandSpec()
          .commandLine()
          .getErr()
          .println(
              "figstream: ORT_DISABLE_TELEMETRY is not set, so ONNX Runtime's telemetry writes"
                  + " under ~/.cache and may contact Microsoft; set it to 1 (./figstream does)");
    }
  }
}
