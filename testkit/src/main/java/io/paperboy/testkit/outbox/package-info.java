/**
 * Waiting on what the delivery side reports: the outbox drained (every row sent, failed or
 * skipped). The one place tests and the bench wait for deliveries to finish, instead of each
 * writing its own loop or sleeping to prove that nothing more arrives.
 */
package io.paperboy.testkit.outbox;
