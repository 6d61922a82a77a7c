package org.figstream.connectors.feed.pubmed;

import java.time.Instant;
import org.figstream.connectors.feed.http.FetchFailure;
import org.figstream.records.DeadLetter;

/**
 * The dead letters of the PubMed source: the stages, the reasons, and how a failure reads as one.
 * Reasons are short and stable (metric tags): {@value #UNRESOLVED}, {@value #BAD_PMID}, {@code
 * xml-eutils_error}, {@code xml-malformed}, ... (a {@link PubmedXmlException.Kind} in lower case),
 * {@value #BAD_GZIP}, {@value #BAD_MD5_FILE}, or an HTTP failure's own ({@code http-429}, {@code
 * md5-mismatch}, {@code timeout}, ...).
 */
public final class PubmedDeadLetters {
  /** A PMID looked up with efetch: unresolved, or in a batch that failed. */
  public static final String EFETCH = "pubmed-efetch";

  /** A daily update file that could not be applied. */
  public static final String UPDATE_FILE = "pubmed-updatefile";

  /** efetch answered, without a record for this PMID. */
  public static final String UNRESOLVED = "pmid-unresolved";

  /** Not a PMID (empty, not a number): never sent. */
  public static final String BAD_PMID = "bad-pmid";

  public static final String BAD_GZIP = "bad-gzip";
  public static final String BAD_MD5_FILE = "bad-md5-file";

  private PubmedDeadLetters() {}

  static DeadLetter of(String stage, String reason, String message, String source, int attempts) {
    return new DeadLetter(stage, reason, message, source, null, attempts, Instant.now());
  }

  /** The reason a failure is filed under. */
  static String reason(Throwable e) {
    if (e instanceof FetchFailure f) {
      return f.reason();
    }
    if (e instanceof PubmedXmlException x) {
      return "xml-" + x.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
    if (e instanceof UpdateFileException u) {
      return u.reason();
    }
    return "error";
  }

  static int attempts(Throwable e) {
    return e instanceof FetchFailure f ? f.attempts() : 1;
  }

  static String message(Throwable e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
