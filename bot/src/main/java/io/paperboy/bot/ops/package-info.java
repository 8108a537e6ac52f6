/**
 * The operations side of a running instance, for the machines that watch it: an HTTP endpoint
 * ({@code /healthz} liveness, {@code /readyz} readiness from {@link io.paperboy.core.health.Readiness},
 * {@code /metrics} in Prometheus text) and the Micrometer meters it exposes — posts sent, failed
 * and retried per platform, the outbox's depth and oldest due row, command latency, ingest counts.
 */
package io.paperboy.bot.ops;
