package org.figstream.broker;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;

/**
 * The coordinators' side of the orphan search: every transactional producer they know and the state
 * they hold its transaction in.
 *
 * <p>Why this exists apart from {@link OpenTransactions}: the coordinators are the authority on how
 * a transaction ended, and they are looked up by producer id because that is all a partition's
 * producer state names; {@link OrphanFinder} compares the two.
 */
final class CoordinatorStates {
  private CoordinatorStates() {}

  /** A transactional id and its coordinator's state. */
  record Coordinated(String transactionalId, TransactionDescription state) {}

  /** Every transactional producer the coordinators know, by producer id. */
  static Map<Long, Coordinated> byProducer(Admin admin) throws Exception {
    Collection<TransactionListing> listed = admin.listTransactions().all().get();
    Map<Long, Coordinated> byProducer = new HashMap<>();
    if (listed.isEmpty()) {
      return byProducer;
    }
    admin
        .describeTransactions(listed.stream().map(TransactionListing::transactionalId).toList())
        .all()
        .get()
        .forEach((id, d) -> byProducer.put(d.producerId(), new Coordinated(id, d)));
    return byProducer;
  }
}
