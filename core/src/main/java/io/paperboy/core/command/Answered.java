package io.paperboy.core.command;

import io.paperboy.core.message.Message;
import java.util.Objects;

/** A command's answer and how the command ended. */
public record Answered(Message message, Outcome outcome) {

  public Answered {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(outcome, "outcome");
  }
}
