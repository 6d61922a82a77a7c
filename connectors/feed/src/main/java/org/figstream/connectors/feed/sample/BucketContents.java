package org.figstream.connectors.feed.sample;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link BucketEmulator} serves: the bucket's objects as of each inventory day. The bundled
 * samples ({@link SampleBucket}) are one; a generated corpus is another.
 */
public interface BucketContents {

  /** How many inventory days there are. */
  int days();

  /**
   * Every object visible once {@code visibleDays} days are published: the newest state plus the
   * inventories of those days.
   */
  Map<String, StoredObject> objects(int visibleDays);

  /** PubMed as of each day (efetch and the update files); none unless a contents has it. */
  default PubmedSample pubmed() {
    return PubmedSample.none();
  }

  /**
   * The objects of {@code states.get(visibleDays - 1)} plus the S3 inventories of days 1 to {@code
   * visibleDays} (named by {@code dayNames}, e.g. {@code 2026-11-20T01-00Z}), each listing that
   * day's {@code metadata/} objects.
   */
  static Map<String, StoredObject> withInventories(
      List<String> dayNames, List<? extends Map<String, StoredObject>> states, int visibleDays) {
    TreeMap<String, StoredObject> out = new TreeMap<>(states.get(visibleDays - 1));
    for (int d = 1; d <= visibleDays; d++) {
      out.putAll(inventory(dayNames.get(d - 1), states.get(d - 1)));
    }
    return out;
  }

  /** The S3 inventory (manifest and gzipped CSV parts) of one day's {@code metadata/} objects. */
  static Map<String, StoredObject> inventory(String dayName, Map<String, StoredObject> state) {
    return InventoryWriter.write(dayName, state);
  }
}
