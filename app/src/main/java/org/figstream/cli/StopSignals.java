package org.figstream.cli;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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

  private final AtomicInteger exitCode = new AtomicInteger();

  private StopSignals() {}

  /**
   * Installs the handlers; where the JVM does not let them be replaced (e.g. {@code -Xrs}) the
   * caller's shutdown hook is all there is.
   */
  static StopSignals install(Runnable stop) {
    StopSignals signals = new StopSignals();
    try {
      for (String name : SIGNALS) {
        Signal.handle(
            new Signal(name),
            signal -> {
              // the command returns this too, so both exits agree whichever comes first
              signals.exitCode.compareAndSet(0, 128 + signal.getNumber());
              new Thread(
                      () -> {
                        stop.run();
                        System.exit(signals.exitCode());
                      },
                      "figstream-stop-" + name)
                  .start();
            });
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      // handled by the shutdown hook alone
    }
    return signals;
  }

  /** 128 + the signal's number once one stopped the run (143 for SIGTERM), else 0. */
  int exitCode() {
    return exitCode.get();
  }
}
