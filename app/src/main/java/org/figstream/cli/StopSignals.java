package org.figstream.cli;

import java.util.List;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT handled before the JVM starts shutting down. The JVM runs shutdown hooks
 * concurrently, and ONNX Runtime's own hook releases its native environment, so a stop by hook
 * alone crashed the JVM under a running inference batch (SIGSEGV in libonnxruntime). Here the
 * handler first runs {@code stop} (which returns once the pipeline and the models are closed), and
 * only then exits, so the hooks find nothing running.
 */
final class StopSignals {
  private static final List<String> SIGNALS = List.of("TERM", "INT");

  private StopSignals() {}

  /**
   * Installs the handlers; false where the JVM does not let them be replaced (e.g. {@code -Xrs}),
   * and the caller's shutdown hook is all there is.
   */
  static boolean install(Runnable stop) {
    try {
      for (String name : SIGNALS) {
        Signal.handle(
            new Signal(name),
            signal ->
                new Thread(
                        () -> {
                          stop.run();
                          System.exit(128 + signal.getNumber());
                        },
                        "figstream-stop-" + name)
                    .start());
      }
      return true;
    } catch (IllegalArgumentException | IllegalStateException e) {
      return false;
    }
  }
}
