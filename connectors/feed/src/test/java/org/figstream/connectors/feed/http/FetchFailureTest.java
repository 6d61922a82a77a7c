package org.figstream.connectors.feed.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;

class FetchFailureTest {
  private static final FetchFailure MISSING =
      FetchFailure.permanent(
          "http-404", "http://h/a.jpg", "HTTP 404 Not Found from http://h/a.jpg");
  private static final FetchFailure DOWN =
      FetchFailure.retryable("http-503", "http://h/b.jpg", "HTTP 503 from http://h/b.jpg", null);
  private static final FetchFailure WRONG =
      FetchFailure.retryable("md5-mismatch", "http://h/c.jpg", "MD5 of http://h/c.jpg", null);

  @Test
  void shouldPreferTheSourceBeingDownAmongCombinedFailures() {
    assertThat(FetchFailure.representative(Exceptions.multiple(MISSING, WRONG, DOWN)))
        .isSameAs(DOWN);
  }

  @Test
  void shouldTakeTheFirstFailureWhenNoneSaysTheSourceIsDown() {
    assertThat(FetchFailure.representative(Exceptions.multiple(WRONG, MISSING))).isSameAs(WRONG);
    assertThat(WRONG.sourceUnavailable()).isFalse();
  }

  @Test
  void shouldLeaveAnErrorThatIsNotCombinedOrHoldsNoFetchFailureAsItIs() {
    IllegalStateException bug = new IllegalStateException("bug");
    RuntimeException combined = Exceptions.multiple(bug, new IllegalArgumentException());
    assertThat(FetchFailure.representative(MISSING)).isSameAs(MISSING);
    assertThat(FetchFailure.representative(bug)).isSameAs(bug);
    assertThat(FetchFailure.representative(combined)).isSameAs(combined);
  }
}
