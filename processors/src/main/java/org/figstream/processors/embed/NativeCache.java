package org.figstream.processors.embed;

import java.nio.file.Path;

/**
 * DJL unpacks the tokenizer's native library into a cache folder, ~/.djl.ai unless told otherwise. The
 * CLI points it into the data directory, so that figstream writes nowhere else, and DJL is kept from
 * any network lookup: every model it needs is in the jars.
 */
public final class NativeCache {
  private NativeCache() {}

  /** Sets DJL's cache folders under {@code dataDir} unless the user set them. */
  public static void useDataDirectory(Path dataDir) {
    String cache = dataDir.resolve("cache").resolve("djl").toAbsolutePath().toString();
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
