package io.paperboy.core.command;

import io.paperboy.core.message.Message;

/**
 * How a platform answers one command request: the port the {@link CommandService} drives. Per
 * request the service calls either {@link #answer} once, or {@link #acknowledge} once and then
 * {@link #followUp} once; {@link #followUp} is only ever called after {@link #acknowledge} has
 * returned. Implementations translate these into the platform's own calls (an interaction reply
 * or a deferral and follow-ups; an acknowledgement body or an empty one and later responses) and
 * should hand network calls off rather than block for long.
 */
public interface Replies {

  /** The answer arrived within the answer budget: send it as the reply itself. */
  void answer(Message message);

  /** The answer takes longer than the budget: tell the platform now that it will follow. */
  void acknowledge();

  /** The answer to a request that was {@linkplain #acknowledge() acknowledged} before. */
  void followUp(Message message);
}
