package org.figstream.processors.embed;

/** Text encoders with a named call plan, for measurements outside this package. */
public final class PlannedEncoders {
  private PlannedEncoders() {}

  /** {@code plan}: "planned" (the default), "spread" (the rule before it) or "one-call". */
  public static OnnxTextEncoder of(EncoderDescriptor d, Accelerator accelerator, String plan) {
    return switch (plan) {
      case "planned" -> new OnnxTextEncoder(d, accelerator, CallPlan::planned);
      case "spread" -> new OnnxTextEncoder(d, accelerator, CallPlan::bySpread);
      case "one-call" -> new OnnxTextEncoder(d, accelerator, CallPlan::oneCall);
      default -> throw new IllegalArgumentException("no such plan: " + plan);
    };
  }
}
