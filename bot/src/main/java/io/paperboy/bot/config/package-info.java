/**
 * Configuration: one YAML file (optional) overlaid by {@code PAPERBOY_*} environment variables,
 * bound to immutable records. An unknown key or a bad value stops start-up with a message naming
 * the key and where it came from. Secrets (platform tokens) are never configuration: they come
 * from their own environment variables.
 */
package io.paperboy.bot.config;
