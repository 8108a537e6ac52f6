package io.paperboy.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The command service with real commands defined here, a {@link Replies} port that records what
 * the platform would have been told, and a budget timer the test ends by hand: nothing here
 * depends on how fast the machine is. Waits are latches and completion stages with generous
 * timeouts, guards against a hang rather than timing assertions.
 */
@DisplayName("CommandService: one policy for every transport")
class CommandServiceTest {

  private static final ChannelRef HERE = ChannelRef.of(Platform.SLACK, "T1", "C1");
  private static final Instant NOW = Instant.parse("2024-06-07T09:00:00Z");
  private static final Caller MEMBER = new Caller("U1", "ana", false);
  private static final Caller MANAGER = new Caller("U2", "mod", true);

  private final CountDownLatch slowStarted = new CountDownLatch(1);
  private final CountDownLatch releaseSlow = new CountDownLatch(1);
  private final List<CommandRequest> handled = new CopyOnWriteArrayList<>();
  private final ManualTimer timer = new ManualTimer();
  private CommandService service;
  private ListAppender<ILoggingEvent> logs;
  private Logger serviceLog;

  /** {@code /echo [word]}: answers at once, a usage error for "nonsense", a crash for "boom". */
  private final class Echo implements Command {
    @Override
    public CommandDefinition definition() {
      return CommandDefinition.of("echo", "Echo a word", OptionDefinition.string("word", "a word", false));
    }

    @Override
    public Message handle(CommandRequest r) {
      handled.add(r);
      String word = r.string("word").orElse("");
      if (word.equals("boom")) {
        throw new IllegalStateException("the database is gone");
      }
      if (word.equals("nonsense")) {
        throw new UsageException("That makes no sense.", definition().usage());
      }
      return Message.of(new Block.Text("echo " + word));
    }

    @Override
    public List<String> suggest(String option, String prefix) {
      if (prefix.equals("crash")) {
        throw new IllegalStateException("suggester broke");
      }
      return List.of("2024-06-07", "2024-06-06").stream().filter(d -> d.startsWith(prefix)).toList();
    }
  }

  /** {@code /wait}: a light command that answers only when the test releases it. */
  private final class Wait implements Command {
    @Override
    public CommandDefinition definition() {
      return CommandDefinition.of("wait", "Answer when released");
    }

    @Override
    public Message handle(CommandRequest r) {
      handled.add(r);
      slowStarted.countDown();
      await(releaseSlow);
      return Message.ephemeralText("done waiting");
    }
  }

  /** {@code /digest}: declares itself heavy. */
  private final class Digest implements Command {
    @Override
    public CommandDefinition definition() {
      return CommandDefinition.of("digest", "A whole day",
          OptionDefinition.date("date", "which day", false, List.of("today", "latest")));
    }

    @Override
    public Workload workload() {
      return Workload.HEAVY;
    }

    @Override
    public Message handle(CommandRequest r) {
      handled.add(r);
      return Message.builder().header("Daily Papers").text("the whole day").build();
    }
  }

  /** {@code /subscribe} is manager-only; {@code /alert add} is, {@code /alert list} is not. */
  private final class Subscribe implements Command {
    @Override
    public CommandDefinition definition() {
      return CommandDefinition.managed("subscribe", "Post the digest here");
    }

    @Override
    public Message handle(CommandRequest r) {
      handled.add(r);
      return Message.ephemeralText("subscribed");
    }
  }

  private final class Alert implements Command {
    @Override
    public CommandDefinition definition() {
      return CommandDefinition.group("alert", "Alerts", CommandDefinition.managed("add", "Add one"),
          CommandDefinition.of("list", "List them"));
    }

    @Override
    public Message handle(CommandRequest r) {
      handled.add(r);
      return Message.ephemeralText("alert " + r.subcommand().orElseThrow());
    }
  }

  @BeforeEach
  void start() {
    CommandRegistry registry = new CommandRegistry(List.of(new Echo(), new Wait(), new Digest(), new Subscribe(),
        new Alert()));
    service = new CommandService(registry, CommandService.Limits.DEFAULT, timer);
    serviceLog = (Logger) LoggerFactory.getLogger(CommandService.class);
    logs = new ListAppender<>();
    logs.start();
    serviceLog.addAppender(logs);
  }

  @AfterEach
  void stop() {
    releaseSlow.countDown();
    serviceLog.detachAppender(logs);
    service.close();
  }

  @Test
  @DisplayName("an answer ready within the budget is the reply itself; nothing is acknowledged")
  void quickAnswer() {
    Recorded replies = new Recorded();

    Message answer = await(service.serve(request("echo", Map.of("word", "hi"), MEMBER), replies));

    assertThat(text(answer)).isEqualTo("echo hi");
    assertThat(replies.calls).containsExactly("answer: echo hi");
    assertThat(timer.pending()).as("the budget was cancelled").isZero();
  }

  @Test
  @DisplayName("a command slower than the budget is acknowledged when the budget is spent, then followed up")
  void slowerThanBudget() throws Exception {
    Recorded replies = new Recorded();

    // WHEN /wait runs and has not answered
    CompletionStage<Message> answer = service.serve(request("wait", Map.of(), MEMBER), replies);
    assertThat(slowStarted.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(replies.calls).as("nothing is said while the budget runs").isEmpty();

    // AND its budget is spent
    timer.spend();

    // THEN the platform is told the answer follows
    assertThat(replies.calls).containsExactly("acknowledge");

    // WHEN the command finishes
    releaseSlow.countDown();

    // THEN its answer is the follow-up
    assertThat(text(await(answer))).isEqualTo("done waiting");
    assertThat(replies.calls).containsExactly("acknowledge", "follow-up: done waiting");
  }

  @Test
  @DisplayName("a heavy command is acknowledged at once, without waiting for the budget, and followed up")
  void heavyCommand() {
    Recorded replies = new Recorded();

    Message answer = await(service.serve(request("digest", Map.of(), MEMBER), replies));

    assertThat(replies.calls).containsExactly("acknowledge", "follow-up: Daily Papers");
    assertThat(answer.blocks()).hasSize(2);
    assertThat(timer.pending()).as("no budget left running").isZero();
    assertThat(timer.spent()).as("the budget never had to run out").isZero();
  }

  @Test
  @DisplayName("reading the request counts against the budget too: a platform lookup that hangs still gets an acknowledgement")
  void slowRequest() throws Exception {
    Recorded replies = new Recorded();
    CountDownLatch lookupStarted = new CountDownLatch(1);
    CountDownLatch lookupAnswers = new CountDownLatch(1);

    // WHEN building the request waits on the platform (a Slack caller's users.info, say)
    CompletionStage<Message> answer = service.serve("echo", () -> {
      lookupStarted.countDown();
      await(lookupAnswers);
      return request("echo", Map.of("word", "late"), MEMBER);
    }, replies);
    assertThat(lookupStarted.await(30, TimeUnit.SECONDS)).isTrue();
    timer.spend();

    // THEN the platform hears in time, and the answer follows once the lookup returns
    assertThat(replies.calls).containsExactly("acknowledge");
    lookupAnswers.countDown();
    assertThat(text(await(answer))).isEqualTo("echo late");
    assertThat(replies.calls).containsExactly("acknowledge", "follow-up: echo late");
  }

  @Test
  @DisplayName("a command that throws is answered with the apology, and logged once with command, user and channel")
  void throwingCommand() {
    Recorded replies = new Recorded();

    Message answer = await(service.serve(request("echo", Map.of("word", "boom"), MEMBER), replies));

    assertThat(answer.ephemeral()).isTrue();
    assertThat(text(answer)).isEqualTo("Sorry, `/echo` failed unexpectedly. The error was logged.");
    assertThat(replies.calls).containsExactly("answer: " + text(answer));
    List<ILoggingEvent> errors = logs.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.getFormattedMessage()).isEqualTo("/echo failed for U1 in slack:T1:C1");
      assertThat(e.getThrowableProxy().getMessage()).isEqualTo("the database is gone");
    });
  }

  @Test
  @DisplayName("manager-only commands and subcommands are refused to a non-manager before they run")
  void managerOnly() {
    Message refused = await(service.serve(request("subscribe", Map.of(), MEMBER), new Recorded()));
    Message refusedSub = await(service.serve(new CommandRequest("alert", Optional.of("add"), Map.of(), MEMBER, HERE, NOW),
        new Recorded()));
    Message sibling = await(service.execute(new CommandRequest("alert", Optional.of("list"), Map.of(), MEMBER, HERE, NOW)));

    assertThat(refused.ephemeral()).isTrue();
    assertThat(text(refused)).isEqualTo("Only people who can manage this channel may use `/subscribe`.");
    assertThat(text(refusedSub)).isEqualTo("Only people who can manage this channel may use `/alert add`.");
    assertThat(text(sibling)).isEqualTo("alert list");
    assertThat(handled).extracting(CommandRequest::command).containsExactly("alert");

    Message allowed = await(service.execute(request("subscribe", Map.of(), MANAGER)));
    assertThat(text(allowed)).isEqualTo("subscribed");
  }

  @Test
  @DisplayName("a usage error, from the command or from reading the request, is answered with the usage")
  void usageError() {
    Message fromCommand = await(service.execute(request("echo", Map.of("word", "nonsense"), MEMBER)));
    Recorded replies = new Recorded();
    Message fromRequest = await(service.serve("echo", () -> {
      throw new UsageException("`word` must be short.", "/echo [word]");
    }, replies));

    assertThat(fromCommand.ephemeral()).isTrue();
    assertThat(text(fromCommand)).isEqualTo("That makes no sense.\nUsage: `/echo [word]`");
    assertThat(text(fromRequest)).isEqualTo("`word` must be short.\nUsage: `/echo [word]`");
    assertThat(replies.calls).containsExactly("answer: " + text(fromRequest));
    assertThat(logs.list).noneMatch(e -> e.getLevel() == Level.ERROR);
  }

  @Test
  @DisplayName("each way a command ends is classified, whichever part found the problem (the CLI's exit code reads it)")
  void outcomes() {
    assertThat(await(service.answer(request("echo", Map.of("word", "hi"), MEMBER))).outcome()).isEqualTo(Outcome.ANSWERED);
    // a usage error thrown by the command itself is classified like an unknown command
    Answered usage = await(service.answer(request("echo", Map.of("word", "nonsense"), MEMBER)));
    assertThat(usage.outcome()).isEqualTo(Outcome.USAGE_ERROR);
    assertThat(text(usage.message())).isEqualTo("That makes no sense.\nUsage: `/echo [word]`");
    assertThat(await(service.answer(request("nope", Map.of(), MEMBER))).outcome()).isEqualTo(Outcome.USAGE_ERROR);
    assertThat(await(service.answer(request("subscribe", Map.of(), MEMBER))).outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(await(service.answer(request("echo", Map.of("word", "boom"), MEMBER))).outcome()).isEqualTo(Outcome.FAILED);
  }

  @Test
  @DisplayName("answerHere: the same checks and outcomes as answer, on the caller's own thread")
  void answerHereOnTheCallersThread() {
    // GIVEN a command that records the thread it ran on
    List<String> threads = new ArrayList<>();
    CommandService here = new CommandService(new CommandRegistry(List.of(new Echo(), new Command() {
      @Override
      public CommandDefinition definition() {
        return CommandDefinition.of("where", "Say where it ran");
      }

      @Override
      public Message handle(CommandRequest r) {
        threads.add(Thread.currentThread().getName());
        return Message.of(new Block.Text("here"));
      }
    })));
    try {
      // WHEN it is answered here
      Answered answered = here.answerHere(request("where", Map.of(), MEMBER));

      // THEN it ran on this thread, and the outcomes are those of answer
      assertThat(text(answered.message())).isEqualTo("here");
      assertThat(threads).containsExactly(Thread.currentThread().getName());
      assertThat(here.answerHere(request("echo", Map.of("word", "nonsense"), MEMBER)).outcome())
          .isEqualTo(Outcome.USAGE_ERROR);
      assertThat(here.answerHere(request("echo", Map.of("word", "boom"), MEMBER)).outcome()).isEqualTo(Outcome.FAILED);
      assertThat(here.answerHere(request("nope", Map.of(), MEMBER)).outcome()).isEqualTo(Outcome.USAGE_ERROR);
      assertThat(service.answerHere(request("subscribe", Map.of(), MEMBER)).outcome()).isEqualTo(Outcome.REFUSED);
    } finally {
      here.close();
    }
    // AND a closed service says it is shutting down
    assertThat(text(here.answerHere(request("where", Map.of(), MEMBER)).message()))
        .isEqualTo("Paperboy is shutting down; try again in a moment.");
  }

  @Test
  @DisplayName("an unknown command is answered, pointing at /help")
  void unknown() {
    Recorded replies = new Recorded();
    Message answer = await(service.serve(request("nope", Map.of(), MEMBER), replies));
    assertThat(text(answer)).isEqualTo("There is no `/nope` command. Try `/help` for the list.");
    assertThat(replies.calls).hasSize(1).allMatch(c -> c.startsWith("answer: "));
  }

  @Test
  @DisplayName("when the platform side fails on an answer, the caller still gets the apology the same way")
  void platformFailsOnAnswer() {
    Recorded replies = new Recorded();
    replies.failOn = "echo hi";

    await(service.serve(request("echo", Map.of("word", "hi"), MEMBER), replies));

    assertThat(replies.calls).containsExactly("answer: echo hi",
        "answer: Sorry, `/echo` failed unexpectedly. The error was logged.");
    assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage()).isEqualTo("sending the answer to /echo failed"));
  }

  @Test
  @DisplayName("a full pool answers 'busy' instead of queueing without end; a closed service says it is shutting down")
  void busyAndClosed() throws Exception {
    CommandService small = new CommandService(new CommandRegistry(List.of(new Echo(), new Wait())),
        new CommandService.Limits(Duration.ofSeconds(2), 1, 1, 1), timer);
    try {
      CompletionStage<Message> running = small.execute(request("wait", Map.of(), MEMBER));
      assertThat(slowStarted.await(30, TimeUnit.SECONDS)).isTrue();
      CompletionStage<Message> queued = small.execute(request("echo", Map.of("word", "queued"), MEMBER));

      Message busy = await(small.execute(request("echo", Map.of("word", "third"), MEMBER)));

      assertThat(text(busy)).isEqualTo("Paperboy is busy; try again in a moment.");
      releaseSlow.countDown();
      assertThat(text(await(running))).isEqualTo("done waiting");
      assertThat(text(await(queued))).isEqualTo("echo queued");
    } finally {
      small.close();
    }
    assertThat(text(await(small.execute(request("echo", Map.of("word", "late"), MEMBER)))))
        .isEqualTo("Paperboy is shutting down; try again in a moment.");
  }

  @Test
  @DisplayName("suggestions: the option's keywords first, then the command's; a failing suggester suggests nothing")
  void suggestions() {
    assertThat(await(service.suggest("digest", Optional.empty(), "date", "l"))).containsExactly("latest");
    assertThat(await(service.suggest("echo", Optional.empty(), "word", "2024-06-0")))
        .containsExactly("2024-06-07", "2024-06-06");
    assertThat(await(service.suggest("echo", Optional.empty(), "word", "crash"))).isEmpty();
    assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage()).isEqualTo("suggestions for /echo word failed"));
    assertThat(await(service.suggest("nope", Optional.empty(), "x", ""))).isEmpty();
  }

  private static CommandRequest request(String command, Map<String, Object> options, Caller caller) {
    return new CommandRequest(command, Optional.empty(), options, caller, HERE, NOW);
  }

  private static String text(Message m) {
    Block first = m.blocks().get(0);
    return first instanceof Block.Text t ? t.markdown() : ((Block.Header) first).text();
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("no answer", e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What a platform would have been told, in order. */
  private static final class Recorded implements Replies {
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile String failOn = "";

    @Override
    public void answer(Message message) {
      calls.add("answer: " + text(message));
      fail(message);
    }

    @Override
    public void acknowledge() {
      calls.add("acknowledge");
    }

    @Override
    public void followUp(Message message) {
      calls.add("follow-up: " + text(message));
      fail(message);
    }

    private void fail(Message message) {
      if (text(message).equals(failOn)) {
        throw new IllegalStateException("the platform refused this one");
      }
    }
  }

  /** Budgets end only when the test says so. */
  private static final class ManualTimer implements BudgetTimer {
    private final List<Runnable> pending = new ArrayList<>();
    private int spent;

    @Override
    public synchronized Runnable start(Duration budget, Runnable whenSpent) {
      pending.add(whenSpent);
      return () -> {
        synchronized (this) {
          pending.remove(whenSpent);
        }
      };
    }

    /** Ends every running budget. */
    void spend() {
      List<Runnable> due;
      synchronized (this) {
        due = List.copyOf(pending);
        pending.clear();
        spent += due.size();
      }
      due.forEach(Runnable::run);
    }

    synchronized int pending() {
      return pending.size();
    }

    synchronized int spent() {
      return spent;
    }
  }
}
