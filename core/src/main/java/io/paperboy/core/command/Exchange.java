package io.paperboy.core.command;

import io.paperboy.core.message.Message;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request's answer, sent exactly once: to its platform, if it has one, as the reply or as the
 * follow-up after an acknowledgement, then to the stage the {@link CommandService} returned. The
 * lock makes "the budget ran out" and "the answer is here" a clean race: whichever comes first
 * decides, and a follow-up never overtakes its acknowledgement.
 */
final class Exchange {

  private static final Logger log = LoggerFactory.getLogger(CommandService.class);

  private enum State { WAITING, ANSWERED, ACKNOWLEDGED }

  final CompletableFuture<Answered> result = new CompletableFuture<>();
  /** The command as typed ({@code /alert}), for the apology and log lines. */
  final String invoked;
  private final Replies replies;
  private final AtomicBoolean sent = new AtomicBoolean();
  private State state = State.WAITING;
  private Runnable cancelBudget = () -> { };

  private Exchange(Replies replies, String invoked) {
    this.replies = replies;
    this.invoked = invoked;
  }

  /** An answer someone just waits for: no platform, no budget. */
  static Exchange awaited(String invoked) {
    return new Exchange(null, invoked);
  }

  /** An answer that goes to a platform through {@code replies}. */
  static Exchange through(Replies replies, String invoked) {
    return new Exchange(replies, invoked);
  }

  synchronized void startBudget(BudgetTimer timer, Duration budget) {
    if (replies != null && state == State.WAITING) {
      cancelBudget = timer.start(budget, this::acknowledge);
    }
  }

  /** Tells the platform the answer follows, unless it was already answered or acknowledged. */
  synchronized void acknowledge() {
    if (replies == null || state != State.WAITING) {
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
   * Sends {@code answer}, the first time only. If the platform side fails on it (a renderer bug,
   * say), the caller still gets the apology the same way.
   */
  void send(Message answer, Outcome outcome) {
    if (!sent.compareAndSet(false, true)) {
      return;
    }
    if (replies != null) {
      deliver(answer);
    }
    result.complete(new Answered(answer, outcome));
  }

  Message apology() {
    return CommandService.apology(invoked);
  }

  private void deliver(Message answer) {
    boolean reply;
    synchronized (this) {
      reply = state == State.WAITING;
      if (reply) {
        state = State.ANSWERED;
        cancelBudget.run();
      }
    }
    if (!toPlatform(reply, answer) && !answer.equals(apology())) {
      toPlatform(reply, apology());
    }
  }

  private boolean toPlatform(boolean reply, Message message) {
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
