package io.paperboy.core.command;

import io.paperboy.core.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request's conversation with its platform: whether it was answered within the budget or
 * acknowledged first, so the answer goes out as the reply or as the follow-up, exactly once.
 * The lock makes "the budget ran out" and "the answer is here" a clean race: whichever comes
 * first decides, and a follow-up never overtakes its acknowledgement.
 */
final class Exchange {

  private static final Logger log = LoggerFactory.getLogger(CommandService.class);

  private enum State { WAITING, ANSWERED, ACKNOWLEDGED }

  private final Replies replies;
  private final String invoked;
  private State state = State.WAITING;
  private Runnable cancelBudget = () -> { };

  /**
   * @param invoked the command as typed, for log lines ({@code /alert add})
   */
  Exchange(Replies replies, String invoked) {
    this.replies = replies;
    this.invoked = invoked;
  }

  synchronized void startBudget(BudgetTimer timer, java.time.Duration budget) {
    if (state == State.WAITING) {
      cancelBudget = timer.start(budget, this::acknowledge);
    }
  }

  /** Tells the platform the answer follows, unless it was already answered or acknowledged. */
  synchronized void acknowledge() {
    if (state != State.WAITING) {
      return;
    }
    state = State.ACKNOWLEDGED;
    cancelBudget.run();
    try {
      replies.acknowledge();
    } catch (RuntimeException e) {
      log.error("acknowledging {} failed", invoked, e);
    }
  }

  /**
   * Sends the answer as the reply if the budget still runs, else as the follow-up. If the platform
   * side fails on it (a renderer bug, say), the caller still gets {@code apology} the same way.
   */
  void deliver(Message answer, Message apology) {
    boolean reply;
    synchronized (this) {
      reply = state == State.WAITING;
      if (reply) {
        state = State.ANSWERED;
        cancelBudget.run();
      }
    }
    if (send(reply, answer) || answer == apology) {
      return;
    }
    send(reply, apology);
  }

  private boolean send(boolean reply, Message message) {
    try {
      if (reply) {
        replies.answer(message);
      } else {
        replies.followUp(message);
      }
      return true;
    } catch (RuntimeException e) {
      log.error("sending the answer to {} failed", invoked, e);
      return false;
    }
  }
}
