package org.figstream.processors.annotate;

import java.util.List;

/** Adds to a figure's problem list, which its image and caption branches may reach at once. */
final class Problems {
  private Problems() {}

  static void add(List<Annotation.Problem> problems, String stage, String reason, String message) {
    synchronized (problems) {
      problems.add(new Annotation.Problem(stage, reason, message));
    }
  }
}
