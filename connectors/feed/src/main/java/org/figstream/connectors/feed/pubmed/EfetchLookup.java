package org.figstream.connectors.feed.pubmed;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.records.PubmedRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Looks PMIDs up with E-utilities {@code efetch db=pubmed}, as articles arrive: de-duplicated, in
 * batches of {@link PubmedSettings#batchSize()}, each one POST (NCBI's advice for long id lists; it
 * also keeps the API key out of the URL) through the shared {@link HttpFetcher}, so the allow-list,
 * the per-host rate ({@link PubmedSettings#rateLimited}) and retries with backoff on 429, 5xx and
 * timeouts (honouring Retry-After) are the bucket feed's.
 *
 * <p>Every PMID ends in one clear outcome: its record is delivered; or it is unresolved (efetch
 * answered without it) and dead-lettered once, never retried here; or its batch failed (an {@code
 * <ERROR>} answer, bad XML, retries spent) and it is dead-lettered with the batch's reason. A
 * failed batch does not stop the others. Only a failing sink fails the lookup.
 */
public final class EfetchLookup {
  private static final Pattern PMID = Pattern.compile("[1-9][0-9]{0,9}");

  private final PubmedSettings settings;
  private final HttpFetcher http;
  private final PubmedXmlParser parser;

  public EfetchLookup(PubmedSettings settings, HttpFetcher http, PubmedXmlParser parser) {
    this.settings = settings;
    this.http = http;
    this.parser = parser;
  }

  /** Looks up {@code pmids} (any order, duplicates allowed) and delivers through {@code sinks}. */
  public Mono<EfetchResult> lookup(Collection<String> pmids, PubmedSinks sinks) {
    Set<String> distinct = new LinkedHashSet<>();
    List<String> invalid = new ArrayList<>();
    for (String raw : pmids) {
      String pmid = raw == null ? "" : raw.trim();
      if (PMID.matcher(pmid).matches()) {
        distinct.add(pmid);
      } else if (!invalid.contains(pmid)) {
        invalid.add(pmid);
      }
    }
    List<List<String>> batches = new ArrayList<>();
    List<String> all = new ArrayList<>(distinct);
    for (int i = 0; i < all.size(); i += settings.batchSize()) {
      batches.add(all.subList(i, Math.min(all.size(), i + settings.batchSize())));
    }
    Mono<EfetchResult> bad =
        deadLetters(
                invalid,
                PubmedDeadLetters.BAD_PMID,
                "not a PMID; nothing was asked for it",
                0,
                sinks)
            .then(Mono.just(new EfetchResult(invalid.size(), 0, 0, 0, invalid.size(), 0)));
    return bad.flatMap(
        start ->
            Flux.fromIterable(batches)
                .concatMap(batch -> batch(batch, sinks))
                .reduce(start, EfetchResult::plus));
  }

  /** The efetch endpoint, as dead letters and failures quote it (no parameters, no API key). */
  public String url() {
    return settings.eutilsBaseUrl() + "/efetch.fcgi";
  }

  /**
   * The POST body for one batch: {@code db=pubmed&retmode=xml&id=...&tool=...[&email][&api_key]}.
   */
  String form(List<String> batch) {
    StringBuilder form =
        new StringBuilder("db=pubmed&retmode=xml&id=")
            .append(String.join(",", batch))
            .append("&tool=")
            .append(enc(settings.tool()));
    if (settings.email() != null) {
      form.append("&email=").append(enc(settings.email()));
    }
    if (settings.apiKey() != null) {
      form.append("&api_key=").append(enc(settings.apiKey()));
    }
    return form.toString();
  }

  private Mono<EfetchResult> batch(List<String> batch, PubmedSinks sinks) {
    return http.post(url(), form(batch), settings.maxEfetchBytes())
        // parsing is CPU work, and the sinks may block: never on the shared HTTP event loop
        .publishOn(Schedulers.boundedElastic())
        .map(parser::parse)
        .flatMap(set -> deliver(batch, set, sinks))
        .onErrorResume(e -> !(e instanceof SinkFailure), e -> failed(batch, e, sinks))
        .onErrorMap(SinkFailure.class, SinkFailure::getCause);
  }

  private Mono<EfetchResult> deliver(List<String> batch, PubmedArticleSet set, PubmedSinks sinks) {
    Set<String> asked = new LinkedHashSet<>(batch);
    Set<String> found = new LinkedHashSet<>();
    List<PubmedRecord> records = new ArrayList<>();
    for (PubmedRecord r : set.records()) {
      // efetch answers only what was asked; anything else (a merged citation) is still a record
      if (asked.contains(r.pmid())) {
        found.add(r.pmid());
      }
      records.add(r);
    }
    List<String> missing = batch.stream().filter(p -> !found.contains(p)).toList();
    return Flux.fromIterable(records)
        .concatMap(r -> sinks.records().apply(r))
        .then(
            deadLetters(
                missing,
                PubmedDeadLetters.UNRESOLVED,
                "efetch db=pubmed answered without a record for it (no such citation, or not yet"
                    + " public); not asked again, the update files bring it if NLM adds it",
                1,
                sinks))
        .then(Mono.just(new EfetchResult(batch.size(), found.size(), missing.size(), 0, 0, 1)))
        .onErrorMap(SinkFailure::new);
  }

  private Mono<EfetchResult> failed(List<String> batch, Throwable e, PubmedSinks sinks) {
    String reason = PubmedDeadLetters.reason(e);
    String message =
        "efetch of "
            + batch.size()
            + " PMIDs ("
            + batch.get(0)
            + (batch.size() > 1 ? " to " + batch.get(batch.size() - 1) : "")
            + ") failed: "
            + PubmedDeadLetters.message(e);
    return deadLetters(batch, reason, message, PubmedDeadLetters.attempts(e), sinks)
        .then(Mono.just(new EfetchResult(batch.size(), 0, 0, batch.size(), 0, 1)))
        .onErrorMap(SinkFailure::new);
  }

  /** One dead letter for each of {@code pmids}, with the same reason and message. */
  private Mono<Void> deadLetters(
      List<String> pmids, String reason, String message, int attempts, PubmedSinks sinks) {
    return Flux.fromIterable(pmids)
        .concatMap(
            pmid ->
                sinks
                    .deadLetters()
                    .apply(
                        PubmedDeadLetters.of(
                            PubmedDeadLetters.EFETCH,
                            reason,
                            "PMID \"" + pmid + "\": " + message,
                            url() + "?db=pubmed&id=" + enc(pmid),
                            attempts)))
        .then();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
