/**
 * What an operator's probes ask: is each part of this instance ready (database reachable,
 * migrations current, each configured platform connected)? Parts report here; the operations
 * endpoint ({@code /readyz}) and the logs read it. No HTTP here.
 */
package io.paperboy.core.health;
