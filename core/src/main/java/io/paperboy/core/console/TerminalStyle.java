package io.paperboy.core.console;

import java.util.Map;

/**
 * Whether console text carries ANSI styling (bold, italic) or none. Styling is for a person
 * looking at a terminal; piped output (a file, {@code grep}, a log) gets plain text, and so does
 * anyone who sets {@code NO_COLOR} (https://no-color.org) or runs on a {@code TERM=dumb} terminal.
 */
public enum TerminalStyle {

  /** No control codes at all. */
  PLAIN("", "", "", ""),

  /** SGR codes; each attribute is switched off by its own code so that bold and italic nest. */
  ANSI("\u001b[1m", "\u001b[22m", "\u001b[3m", "\u001b[23m");

  private final String boldOn;
  private final String boldOff;
  private final String italicOn;
  private final String italicOff;

  TerminalStyle(String boldOn, String boldOff, String italicOn, String italicOff) {
    this.boldOn = boldOn;
    this.boldOff = boldOff;
    this.italicOn = italicOn;
    this.italicOff = italicOff;
  }

  /**
   * The style for an output stream.
   *
   * @param terminal whether the output goes to a terminal (not a pipe or a file)
   * @param env      the environment, for {@code NO_COLOR} and {@code TERM}
   */
  public static TerminalStyle forOutput(boolean terminal, Map<String, String> env) {
    // no-color.org: "when present and not an empty string", regardless of its value
    String noColor = env.get("NO_COLOR");
    if (!terminal || (noColor != null && !noColor.isEmpty()) || "dumb".equals(env.get("TERM"))) {
      return PLAIN;
    }
    return ANSI;
  }

  String boldOn() {
    return boldOn;
  }

  String boldOff() {
    return boldOff;
  }

  String italicOn() {
    return italicOn;
  }

  String italicOff() {
    return italicOff;
  }

  /** {@code text} in bold (unchanged when plain). */
  public String bold(String text) {
    return boldOn + text + boldOff;
  }
}
