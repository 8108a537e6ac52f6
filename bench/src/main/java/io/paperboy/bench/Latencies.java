package io.paperboy.bench;

import java.util.Arrays;

/** Collected durations of one operation, in nanoseconds. */
final class Latencies {

  private long[] nanos = new long[1024];
  private int size;

  void add(long value) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = value;
  }

  /** The q-quantile (0..1), nearest rank, in microseconds. */
  double quantileMicros(double q) {
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(q * size) - 1;
    return sorted[Math.max(0, Math.min(size - 1, index))] / 1_000.0;
  }

  double p50() {
    return quantileMicros(0.50);
  }

  double p99() {
    return quantileMicros(0.99);
  }
}
