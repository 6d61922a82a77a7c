package org.figstream.connectors.feed.pubmed;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.figstream.records.DeadLetter;
import org.figstream.records.PubmedRecord;
import reactor.core.publisher.Mono;

/** Sinks that keep what they are given, in order. */
final class RecordingSinks {
  final List<PubmedRecord> records = new CopyOnWriteArrayList<>();
  final List<String> deletions = new CopyOnWriteArrayList<>();
  final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

  PubmedSinks sinks() {
    return new PubmedSinks(
        r -> Mono.fromRunnable(() -> records.add(r)),
        pmid -> Mono.fromRunnable(() -> deletions.add(pmid)),
        d -> Mono.fromRunnable(() -> deadLetters.add(d)));
  }

  List<String> pmids() {
    return records.stream().map(PubmedRecord::pmid).toList();
  }
}
