package org.figstream.processors.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * DJL unpacks the tokenizer's native library into a cache folder, ~/.djl.ai unless told otherwise.
 * The CLI points it into the data directory, so that figstream writes nowhere else, and DJL is kept
 * from any network lookup: every model it needs is in the jars.
 */
public final class NativeCache {
  private NativeCache() {}

  /**
   * Sets DJL's cache folders under {@code dataDir} unless the user set them. The folder is made
   * first: a data directory that cannot be written is refused here, saying so, instead of DJL
   * failing later with "Unexpected flavor: cpu".
   */
  public static void useDataDirectory(Path dataDir) {
    Path folder = dataDir.resolve("cache").resolve("djl").toAbsolutePath();
    try {
      Files.createDirectories(folder);
      Files.deleteIfExists(Files.createTempFile(folder, "probe", ".tmp"));
    } catch (IOException e) {
      throw new IllegalStateException(
          "the data directory "
              + dataDir.toAbsolutePath()
              + " cannot be written ("
              + e
              + "): give --data-dir a folder figstream may write",
          e);
    }
    String cache = folder.toString();
    setIfAbsent("DJL_CACHE_DIR", cache);
    setIfAbsent("ENGINE_CACHE_DIR", cache);
    configure();
  }

  static void configure() {
    setIfAbsent("ai.djl.offline", "true");
    // DJL's usage report to Amazon runs only on EC2, but figstream makes no calls home anywhere.
    setIfAbsent("OPT_OUT_TRACKING", "true");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null && System.getenv(key) == null) {
      System.setProperty(key, value);
    }
  }
}
