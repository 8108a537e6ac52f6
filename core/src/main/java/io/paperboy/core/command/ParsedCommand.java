package io.paperboy.core.command;

import java.util.Map;
import java.util.Optional;

/**
 * A command line parsed against its definition, before who/where/when are attached.
 *
 * @param command    command name
 * @param subcommand subcommand, for umbrella commands
 * @param options    typed option values by name
 */
public record ParsedCommand(String command, Optional<String> subcommand, Map<String, Object> options) {

  public ParsedCommand {
    options = Map.copyOf(options);
  }
}
