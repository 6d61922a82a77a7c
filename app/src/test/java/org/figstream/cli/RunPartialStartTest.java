package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.state.FeedIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run that fails half-way through its start (the metrics port is taken, after the broker, the
 * feed index and the Streams app are up) closes what it had opened: nothing holds the data
 * directory afterwards.
 */
class RunPartialStartTest {

  @Test
  void shouldCloseWhatItOpenedWhenTheStartFailsHalfWay(@TempDir Path data) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      StringWriter err = new StringWriter();
      CommandLine cli = Main.commandLine(Map.of());
      cli.setErr(new PrintWriter(err, true));

      int exit =
          cli.execute(
              "run",
              "--sample",
              "--sample-dir",
              SampleArticles.root().toString(),
              "--data-dir",
              data.toString(),
              "--image-model",
              "none",
              "--text-model",
              "none",
              "--labels",
              "none",
              "--http-port",
              String.valueOf(taken.getLocalPort()));

      assertThat(exit).isEqualTo(2);
      assertThat(err.toString())
          .endsWith(
              "run: cannot serve metrics and health at 127.0.0.1:"
                  + taken.getLocalPort()
                  + ", the port is taken (another figstream on this host?): give --http-port another port, 0 for a free "
                  + "one, or -1 for none\n");
    }
    // the broker shut down cleanly, and RocksDB's lock on the feed index (one process may hold it
    // once) is free
    assertThat(data.resolve("kafka/logs/.kafka_cleanshutdown")).exists();
    new FeedIndex(data.resolve("feed/index")).close();
  }
}
