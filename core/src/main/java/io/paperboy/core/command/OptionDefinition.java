package io.paperboy.core.command;

import java.util.List;
import java.util.Objects;

/**
 * One typed option of a command.
 *
 * @param name        lower-case name, as typed ({@code n}, {@code date}, {@code query})
 * @param description one line for help and the platform's command picker
 * @param type        value type
 * @param required    whether the command cannot run without it
 * @param choices     the closed set of allowed values, or empty for free values (for {@link
 *                    OptionType#DATE} these are extra keywords such as {@code today})
 * @param min         smallest allowed integer (INTEGER only), or null
 * @param max         largest allowed integer (INTEGER only), or null
 * @param rest        whether this STRING option takes the rest of a free-text line, e.g. a search
 *                    query with spaces; other options can still follow it as {@code name:value}
 * @param value       what a value looks like in usage lines ({@code ID|URL}, {@code HH:MM}), or
 *                    empty to derive it from the type and choices
 * @param byName      whether usage lines show it as {@code name:value}: for options one rarely
 *                    gives in order (positional values still work)
 */
public record OptionDefinition(
    String name,
    String description,
    OptionType type,
    boolean required,
    List<String> choices,
    Long min,
    Long max,
    boolean rest,
    String value,
    boolean byName) {

  public OptionDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    choices = List.copyOf(choices);
    if (!name.matches("[a-z][a-z0-9_-]{0,31}")) {
      throw new IllegalArgumentException("bad option name: " + name);
    }
    if (value.contains(" ") || value.contains("`")) {
      throw new IllegalArgumentException(name + ": a usage value is one word without backticks: " + value);
    }
  }

  private OptionDefinition(String name, String description, OptionType type, boolean required, List<String> choices,
      Long min, Long max, boolean rest) {
    this(name, description, type, required, choices, min, max, rest, "", false);
  }

  /** This option with {@code value} shown for its value in usage lines: {@code <ID|URL>}, {@code [time:HH:MM]}. */
  public OptionDefinition withValue(String value) {
    return new OptionDefinition(name, description, type, required, choices, min, max, rest, value, byName);
  }

  /** This option shown as {@code name:value} in usage lines. */
  public OptionDefinition writtenByName() {
    return new OptionDefinition(name, description, type, required, choices, min, max, rest, value, true);
  }

  public static OptionDefinition string(String name, String description, boolean required) {
    return new OptionDefinition(name, description, OptionType.STRING, required, List.of(), null, null, false);
  }

  /** A free-text option that takes the rest of the line (trailing {@code name:value} options excepted). */
  public static OptionDefinition rest(String name, String description, boolean required) {
    return new OptionDefinition(name, description, OptionType.STRING, required, List.of(), null, null, true);
  }

  public static OptionDefinition integer(String name, String description, boolean required, long min, long max) {
    return new OptionDefinition(name, description, OptionType.INTEGER, required, List.of(), min, max, false);
  }

  public static OptionDefinition choice(String name, String description, boolean required, List<String> choices) {
    return new OptionDefinition(name, description, OptionType.STRING, required, choices, null, null, false);
  }

  public static OptionDefinition date(String name, String description, boolean required, List<String> keywords) {
    return new OptionDefinition(name, description, OptionType.DATE, required, keywords, null, null, false);
  }

  public static OptionDefinition bool(String name, String description, boolean required) {
    return new OptionDefinition(name, description, OptionType.BOOLEAN, required, List.of(), null, null, false);
  }

  public static OptionDefinition user(String name, String description, boolean required) {
    return new OptionDefinition(name, description, OptionType.USER, required, List.of(), null, null, false);
  }

  public static OptionDefinition mentionable(String name, String description, boolean required) {
    return new OptionDefinition(name, description, OptionType.MENTIONABLE, required, List.of(), null, null, false);
  }

  /** {@code [name:value]}: the form that names the option, e.g. {@code [to:channel|me]}. */
  public String namedUsage() {
    String body = body();
    return (required ? "<" : "[") + name + ":" + (body.equals(name) ? "…" : body) + (required ? ">" : "]");
  }

  /** {@code <name>} or {@code [name]}, with the value or the choices when closed; {@code [name:value]} when by name. */
  public String usage() {
    if (byName) {
      return namedUsage();
    }
    return required ? "<" + body() + ">" : "[" + body() + "]";
  }

  private String body() {
    String shown = value.isEmpty() ? derivedValue() : value;
    return rest && !shown.endsWith("…") ? shown + "…" : shown;
  }

  private String derivedValue() {
    if (type == OptionType.DATE) {
      return choices.isEmpty() ? "YYYY-MM-DD" : String.join("|", choices) + "|YYYY-MM-DD";
    }
    return choices.isEmpty() ? name : String.join("|", choices);
  }
}
