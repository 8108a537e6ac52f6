package io.paperboy.core.gateway;

/** How a multi-paper message is laid out in a channel. */
public enum PostStyle {
  /** The whole digest as one or more consecutive messages. */
  DIGEST,
  /** A header message, then one thread (Discord) or thread reply (Slack) per paper. */
  THREADS,
  /** Discord forum channels: one forum post per message (per day). */
  FORUM
}
