package io.paperboy.core.command;

import io.paperboy.core.message.Message;
import java.util.List;

/** A command: takes a parsed request, returns a message. Never posts, never knows the platform. */
public interface Command {

  CommandDefinition definition();

  /**
   * Answers a request whose options were already parsed and checked against {@link #definition()}.
   *
   * @throws UsageException when the arguments are well-typed but still make no sense
   */
  Message handle(CommandRequest request);

  /** How much work one call does; {@link Workload#HEAVY} commands run apart and answer later. */
  default Workload workload() {
    return Workload.LIGHT;
  }

  /** Suggestions for a partly typed option value (autocomplete); at most 25. */
  default List<String> suggest(String option, String prefix) {
    return List.of();
  }
}
