package io.paperboy.bot.delivery;

import java.util.Objects;

/**
 * How to post.
 *
 * @param style          layout of a multi-paper message
 * @param idempotencyKey a stable key derived from the outbox row (e.g. {@code digest:2024-06-07:3});
 *                       Discord sends a nonce derived from it with {@code enforce_nonce}, Slack
 *                       stamps it into message metadata so a retry after a crash can find the
 *                       earlier post instead of posting twice
 */
public record PostOptions(PostStyle style, String idempotencyKey) {

  public PostOptions {
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }

  public static PostOptions digest(String idempotencyKey) {
    return new PostOptions(PostStyle.DIGEST, idempotencyKey);
  }
}
