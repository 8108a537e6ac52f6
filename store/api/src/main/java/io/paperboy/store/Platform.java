package io.paperboy.store;

/** Where a channel lives. */
public enum Platform {
  DISCORD,
  SLACK,
  /** The local terminal: one implicit channel, used on embedded defaults and for operators. */
  CONSOLE
}
