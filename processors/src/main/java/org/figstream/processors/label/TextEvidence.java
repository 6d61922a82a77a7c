package org.figstream.processors.label;

import org.figstream.processors.ocr.TextRegions;

/**
 * How well a global concept fits the text the detector found in the image, as a weight beside the
 * pixel prior's. The rule and its constants were written down on 2026-12-04 from the detector's
 * signal on the development set's figures at 480 pixels (tables: mean share 0.31, 78 regions; plots
 * 0.09, 35; diagrams 0.08, 19), before any labels were measured with it:
 *
 * <ul>
 *   <li>{@code Tables}: a table is mostly text, so the weight runs from {@link #FLOOR} at a covered
 *       share of {@link #TABLE_SHARE_LOW} or less to 1 at {@link #TABLE_SHARE_HIGH} or more. (The
 *       first rule rose to {@code 1 / FLOOR} there; on the development set, with e5, that turned a
 *       text-dense bar plot into a table, so it was cut to 1 before the test set was measured.)
 *   <li>Photographic concepts (microscopy, clinical images, photographs): the weight runs from 1 at
 *       {@link #FEW_REGIONS} regions or fewer (scale bars, panel letters) to {@link #FLOOR} at
 *       {@link #MANY_REGIONS} or more.
 *   <li>Everything else: 1. Little or no text is no evidence against a drawing (small plots read as
 *       none at this size).
 * </ul>
 */
public final class TextEvidence {
  static final float FLOOR = 0.5f;
  static final float TABLE_SHARE_LOW = 0.15f;
  static final float TABLE_SHARE_HIGH = 0.30f;
  static final int FEW_REGIONS = 10;
  static final int MANY_REGIONS = 30;

  private TextEvidence() {}

  /** The weight of {@code concept}; 1 when there is no text signal. */
  public static float weight(String concept, TextRegions text, ConceptForms forms) {
    if (text == null) {
      return 1f;
    }
    if (concept.equals(ZeroShotLabeller.TABLES)) {
      float t = ramp(text.share(), TABLE_SHARE_LOW, TABLE_SHARE_HIGH);
      return FLOOR + t * (1 - FLOOR);
    }
    if (forms.photographic().contains(concept)) {
      return 1f - ramp(text.count(), FEW_REGIONS, MANY_REGIONS) * (1 - FLOOR);
    }
    return 1f;
  }

  private static float ramp(float value, float low, float high) {
    return Math.max(0f, Math.min(1f, (value - low) / (high - low)));
  }
}
