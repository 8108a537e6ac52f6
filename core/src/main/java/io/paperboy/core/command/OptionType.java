package io.paperboy.core.command;

/** The type of a command option; parsed values have the Java type named here. */
public enum OptionType {
  /** {@link String}. */
  STRING,
  /** {@link Long}. */
  INTEGER,
  /** {@link Boolean}. */
  BOOLEAN,
  /**
   * {@link String}: a date ({@code YYYY-MM-DD}) or a keyword from the option's choices; platforms
   * autocomplete it with the days that have digests.
   */
  DATE,
  /** {@link String}: a platform user id. */
  USER,
  /** {@link String}: a user or role id. */
  MENTIONABLE
}
