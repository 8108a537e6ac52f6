/**
 * Alert matching at ingest: papers new to the store are matched against every saved alert, and
 * the hits for each target are batched into one outbox row, delivered exactly once like daily posts.
 */
package io.paperboy.scheduler.alert;
