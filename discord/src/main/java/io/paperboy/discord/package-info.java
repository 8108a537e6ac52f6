/**
 * The Discord adapter, built on JDA: {@link io.paperboy.discord.DiscordBot} starts the
 * session and registers the slash commands from the platform-neutral command definitions,
 * {@link io.paperboy.discord.DiscordCommandListener} turns interactions into command requests
 * and answers them, {@link io.paperboy.discord.DiscordRenderer} draws a
 * {@link io.paperboy.core.message.Message} as Discord messages within every Discord limit,
 * {@link io.paperboy.discord.DiscordGateway} posts to channels for the delivery worker, and
 * {@link io.paperboy.discord.DiscordPreview} prints the exact request bodies of a post.
 *
 * <p>The only package that imports JDA; digest text never pings anyone (allowed mentions are
 * empty unless a message explicitly carries a {@link io.paperboy.core.message.Mention}).
 */
package io.paperboy.discord;
