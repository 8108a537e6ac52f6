/**
 * Rate limits shared by every instance on one database: a platform's bot-wide limit (Discord's
 * 50 requests per second per token) must hold for all instances together, so the slots are handed
 * out by the database rather than by each process.
 */
package io.paperboy.store.ratelimit;
