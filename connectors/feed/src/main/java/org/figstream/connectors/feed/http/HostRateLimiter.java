package org.figstream.connectors.feed.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Spaces requests to each host evenly at its configured rate. Non-blocking: a caller gets a delay
 * to wait on, never a parked thread, so a stream thread that asks for a slot is never held.
 */
final class HostRateLimiter {
  private final HttpSettings settings;
  private final Map<String, long[]> nextSlotNanos = new ConcurrentHashMap<>();

  HostRateLimiter(HttpSettings settings) {
    this.settings = settings;
  }

  Mono<Void> acquire(String host) {
    double rate = settings.rateFor(host);
    if (rate <= 0) {
      return Mono.empty();
    }
    long interval = (long) (1_000_000_000L / rate);
    long[] next = nextSlotNanos.computeIfAbsent(host, h -> new long[] {0});
    long wait;
    synchronized (next) {
      long now = System.nanoTime();
      long slot = Math.max(now, next[0]);
      next[0] = slot + interval;
      wait = slot - now;
    }
    return wait <= 0 ? Mono.empty() : Mono.delay(Duration.ofNanos(wait)).then();
  }
}
