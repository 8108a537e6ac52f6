/**
 * The port through which a post leaves Paperboy: a {@link io.paperboy.core.gateway.ChannelGateway}
 * per platform renders a message and posts it, classifying failures
 * ({@link io.paperboy.core.gateway.PostException}) so the delivery worker can retry, back off or
 * pause. Discord, Slack and the console implement it; the worker only knows this interface.
 */
package io.paperboy.core.gateway;
