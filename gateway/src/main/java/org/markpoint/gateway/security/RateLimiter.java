package org.markpoint.gateway.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller (tenant + subject, or an API key): {@code capacity} requests at once, refilled at
 * {@code refillPerSecond}. In memory, per gateway instance: with N instances a caller gets up to N times the rate.
 */
public final class RateLimiter {

    private static final int MAX_BUCKETS = 100_000;

    private final double capacity;
    private final double refillPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, double refillPerSecond) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
    }

    /** Empty when the call may go ahead; otherwise how long until one token is back (the Retry-After). */
    public Duration tryAcquire(String caller, long nowNanos) {
        if (buckets.size() > MAX_BUCKETS) {
            evictFull(nowNanos);
        }
        Bucket bucket = buckets.computeIfAbsent(caller, k -> new Bucket(capacity, nowNanos));
        synchronized (bucket) {
            bucket.refill(nowNanos, capacity, refillPerNano);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / refillPerNano));
        }
    }

    /** A full bucket is the same as none: drop them so idle callers do not hold memory. */
    private void evictFull(long nowNanos) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                e.getValue().refill(nowNanos, capacity, refillPerNano);
                return e.getValue().tokens >= capacity;
            }
        });
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        void refill(long now, double capacity, double perNano) {
            if (now > at) {
                tokens = Math.min(capacity, tokens + (now - at) * perNano);
                at = now;
            }
        }
    }
}
