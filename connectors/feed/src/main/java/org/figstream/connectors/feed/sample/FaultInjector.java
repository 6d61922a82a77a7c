package org.figstream.connectors.feed.sample;

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
    if (faults.rate() <= 0 || faults.kinds().isEmpty()) {
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
    Faults.Kind kind = faults.kinds().get(random.nextInt(faults.kinds().size()));
    injected.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    return kind;
  }

  Map<Faults.Kind, Long> injected() {
    Map<Faults.Kind, Long> out = new java.util.EnumMap<>(Faults.Kind.class);
    injected.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }
}
