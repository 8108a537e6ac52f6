package io.paperboy.store;

/**
 * What a readiness probe needs to know of the database: it answered just now, and its schema is
 * the one this code migrated it to (not rolled back, not moved on by a newer instance).
 *
 * @param ready  both hold
 * @param detail what was checked and found ("sqlite data/paperboy.db, schema V5"), or what is wrong
 */
public record StoreHealth(boolean ready, String detail) {}
