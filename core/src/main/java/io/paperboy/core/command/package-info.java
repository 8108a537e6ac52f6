/**
 * The command core: one {@link io.paperboy.core.command.CommandDefinition} per command (name,
 * description, typed options) that registers the Discord slash command and parses Slack's and
 * the console's free text; commands take a {@link io.paperboy.core.command.CommandRequest} and
 * return a platform-neutral {@link io.paperboy.core.message.Message}. Commands never post, never
 * reply and import neither JDA nor Bolt.
 *
 * <p>{@link io.paperboy.core.command.CommandService} is the only way a request is answered: the
 * permission check, the pool, the answer budget, the usage answer and the apology live there
 * once. A platform adapter builds the request and implements the small
 * {@link io.paperboy.core.command.Replies} port ("answer now" / "acknowledge now, follow up
 * later"); the service decides which. A command that knows it does much work says so as a
 * {@link io.paperboy.core.command.Workload}, not in any platform's terms.
 */
package io.paperboy.core.command;
