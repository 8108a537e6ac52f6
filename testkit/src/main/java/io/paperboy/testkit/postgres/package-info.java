/**
 * The machine's real PostgreSQL server for tests: a schema of the test class's own, dropped
 * after, skipped with one line when no server answers (failed under {@code CI=true}).
 */
package io.paperboy.testkit.postgres;
