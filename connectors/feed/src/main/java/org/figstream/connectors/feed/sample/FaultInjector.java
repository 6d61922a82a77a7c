package org.figstream.connectors.feed.sample;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides, deterministically per path and attempt, which requests go wrong and how; counts them.
 */
final class FaultInjector {
  private final Faults faults;
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> injectedPerPath = new ConcurrentHashMap<>();
  private final Map<Faults.Kind, AtomicLong> injected = new ConcurrentHashMap<>();

  FaultInjector(Faults faults) {
    this.faults = faults;
  }

  /** The fault for this request, or null to answer normally. */
  Faults.Kind next(String path) {
    return next(path, faults.kinds());
  }

  /** The fault for this request, one of {@code possible}, or null to answer normally. */
  Faults.Kind next(String path, Collection<Faults.Kind> possible) {
    List<Faults.Kind> kinds = faults.kinds().stream().filter(possible::contains).toList();
    if (faults.rate() <= 0 || kinds.isEmpty() || !path.startsWith(faults.under())) {
      return null;
    }
    int attempt = attempts.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
    SplittableRandom random =
        new SplittableRandom(faults.seed() * 31 + path.hashCode() * 17L + attempt);
    if (random.nextDouble() >= faults.rate()) {
      return null;
    }
    AtomicInteger count = injectedPerPath.computeIfAbsent(path, p -> new AtomicInteger());
    if (count.get() >= faults.maxPerPath()) {
      return null;
    }
    count.incrementAndGet();
    Faults.Kind kind = kinds.get(random.nextInt(kinds.size()));
    injected.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    return kind;
  }

  Map<Faults.Kind, Long> injected() {
    Map<Faults.Kind, Long> out = new java.util.EnumMap<>(Faults.Kind.class);
    injected.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }
}
