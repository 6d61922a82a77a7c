package org.figstream.connectors.feed.pubmed;

/**
 * What one {@link EfetchLookup#lookup} did. Every PMID asked for is counted once in exactly one of
 * found, unresolved, failed or invalid.
 *
 * @param asked distinct PMIDs asked for (invalid ones included)
 * @param found PMIDs whose record was delivered
 * @param unresolved PMIDs efetch answered without a record for: dead-lettered once, not asked again
 *     (a citation NLM adds later arrives with the update files)
 * @param failed PMIDs of batches that failed ({@code <ERROR>} answer, bad XML, retries spent):
 *     dead-lettered with the batch's reason
 * @param invalid entries that are not a PMID: dead-lettered, never sent
 * @param requests efetch requests made (one a batch; retries are counted by the HTTP client's
 *     {@code figstream.http.retries})
 */
public record EfetchResult(
    int asked, int found, int unresolved, int failed, int invalid, int requests) {

  static final EfetchResult NONE = new EfetchResult(0, 0, 0, 0, 0, 0);

  EfetchResult plus(EfetchResult o) {
    return new EfetchResult(
        asked + o.asked,
        found + o.found,
        unresolved + o.unresolved,
        failed + o.failed,
        invalid + o.invalid,
        requests + o.requests);
  }
}
