/**
 * The command core: one {@link io.paperboy.core.command.CommandDefinition} per command (name,
 * description, typed options) that registers the Discord slash command and parses Slack's and
 * the console's free text; commands take a {@link io.paperboy.core.command.CommandRequest} and
 * return a platform-neutral {@link io.paperboy.core.message.Message}. Commands never post, never
 * reply and import neither JDA nor Bolt.
 */
package io.paperboy.core.command;
