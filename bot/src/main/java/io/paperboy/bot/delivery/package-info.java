/**
 * Delivery: the {@link io.paperboy.core.gateway.ChannelGateway} each platform implements to post
 * a message to a channel, and (with the scheduler) the worker that drains the outbox through it.
 * Platform-neutral: no JDA or Bolt types here.
 */
package io.paperboy.bot.delivery;
