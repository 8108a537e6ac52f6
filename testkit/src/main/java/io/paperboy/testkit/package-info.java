/**
 * Loopback fakes that speak the platforms' real protocols, used by the tests and by
 * {@code paperboy bench}; never reachable from outside 127.0.0.1. Production code never depends
 * on them (an ArchUnit rule keeps the neutral packages away). {@link io.paperboy.testkit.Snapshots}
 * keeps rendered payloads as reviewed JSON files, for every module's snapshot tests.
 */
package io.paperboy.testkit;
