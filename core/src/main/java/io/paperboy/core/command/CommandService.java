package io.paperboy.core.command;

import io.paperboy.core.message.Message;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a command request becomes an answer, whoever asked: Discord, Slack, the console,
 * {@code paperboy ask}, the bench. It looks the command up, refuses manager-only commands and
 * subcommands to callers who cannot manage the channel (whatever a platform's own gate let
 * through), runs the command on a bounded pool, turns usage errors into the usage answer and any
 * other failure into a short apology plus one log line, and keeps the time budget.
 *
 * <p>The budget: platforms want a first response within 3 s (Discord's interaction window,
 * Slack's acknowledgement). An answer ready within {@link Limits#answerBudget()} (2 s of those 3)
 * is sent as that response; otherwise the service acknowledges when the budget is spent and sends
 * the answer as a follow-up when it is ready. {@link Workload#HEAVY} commands are acknowledged at
 * once and run on a pool of their own. Transports only translate, through the {@link Replies}
 * port they hand to {@link #serve}.
 *
 * <p>Over 300 lines on purpose: permission, budget, slow handling, error mapping and logging
 * are one policy applied in one order around the same two pools; split, the order would live in
 * no single place again, which is what this class replaced.
 */
public final class CommandService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CommandService.class);
  private static final String SHUTTING_DOWN = "Paperboy is shutting down; try again in a moment.";

  /**
   * How the service runs commands.
   *
   * @param answerBudget how long an answer may take and still be the platform's first response
   * @param threads      threads for light commands (and for reading requests and suggestions)
   * @param heavyThreads threads for {@link Workload#HEAVY} commands
   * @param queue        requests each pool holds waiting before it answers "busy"
   */
  public record Limits(Duration answerBudget, int threads, int heavyThreads, int queue) {

    /** 2 s of the platforms' 3, four light and two heavy threads, 256 waiting per pool. */
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(2), 4, 2, 256);

    public Limits {
      Objects.requireNonNull(answerBudget, "answerBudget");
      if (answerBudget.isNegative() || threads < 1 || heavyThreads < 1 || queue < 1) {
        throw new IllegalArgumentException("bad command service limits: " + answerBudget + ", " + threads + ", "
            + heavyThreads + ", " + queue);
      }
    }

    public Limits withAnswerBudget(Duration budget) {
      return new Limits(budget, threads, heavyThreads, queue);
    }
  }

  private final CommandRegistry registry;
  private final Limits limits;
  private final BudgetTimer timer;
  private final ThreadPoolExecutor light;
  private final ThreadPoolExecutor heavy;
  private final ScheduledThreadPoolExecutor scheduler;

  /** A service with the {@linkplain Limits#DEFAULT default limits}. */
  public CommandService(CommandRegistry registry) {
    this(registry, Limits.DEFAULT);
  }

  public CommandService(CommandRegistry registry, Limits limits) {
    this(registry, limits, null);
  }

  /** @param timer ends budgets; null for the service's own scheduler */
  CommandService(CommandRegistry registry, Limits limits, BudgetTimer timer) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.light = pool("paperboy-command-", limits.threads(), limits.queue());
    this.heavy = pool("paperboy-heavy-command-", limits.heavyThreads(), limits.queue());
    if (timer == null) {
      scheduler = new ScheduledThreadPoolExecutor(1, daemonThreads("paperboy-answer-budget-"));
      scheduler.setRemoveOnCancelPolicy(true);
      scheduler.setKeepAliveTime(60, TimeUnit.SECONDS);
      scheduler.allowCoreThreadTimeOut(true);
      this.timer = (budget, spent) -> {
        ScheduledFuture<?> f = scheduler.schedule(spent, budget.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
      };
    } else {
      scheduler = null;
      this.timer = timer;
    }
  }

  /** Every command definition, in registration order (platforms register these). */
  public List<CommandDefinition> definitions() {
    return registry.definitions();
  }

  /** The definition of a command, if there is one by that name. */
  public Optional<CommandDefinition> definition(String command) {
    return registry.command(command).map(Command::definition);
  }

  /**
   * Parses a free-text line's arguments for {@code command} (Slack's text, a console line).
   *
   * @throws UsageException for an unknown command or bad arguments (answer it with {@link #usage})
   */
  public ParsedCommand parse(String command, String text) {
    return registry.parse(command, text);
  }

  /** How long an answer may take and still be the platform's first response. */
  public Duration answerBudget() {
    return limits.answerBudget();
  }

  /**
   * The answer to {@code request}, with no platform to acknowledge: for callers that simply wait
   * (the console, {@code paperboy ask}, the bench). The stage never fails; failures are answers.
   */
  public CompletionStage<Message> execute(CommandRequest request) {
    return answer(request).thenApply(Answered::message);
  }

  /** Like {@link #execute}, also saying how the command ended (for the CLI's exit code). */
  public CompletionStage<Answered> answer(CommandRequest request) {
    return run(request.command(), () -> request, Exchange.awaited("/" + request.command()));
  }

  /** Answers {@code request} through {@code replies}, within the budget or acknowledged first. */
  public CompletionStage<Message> serve(CommandRequest request, Replies replies) {
    return serve(request.command(), () -> request, replies);
  }

  /**
   * Like {@link #serve(CommandRequest, Replies)}, for transports whose request is still to be
   * built, where building may be slow or fail: a Slack caller's manager status costs a
   * {@code users.info} call. {@code request} runs on the service's pool inside the budget; a
   * {@link UsageException} it throws (a bad option value) is answered with the usage.
   *
   * @param command the command's name, known before its request is
   */
  public CompletionStage<Message> serve(String command, Supplier<CommandRequest> request, Replies replies) {
    return run(command, request, Exchange.through(Objects.requireNonNull(replies, "replies"), "/" + command))
        .thenApply(Answered::message);
  }

  /**
   * Autocomplete for an option: the option's own keywords that start with {@code prefix}, then
   * what the command suggests. Runs on the service's pool, like a command, so it never holds up a
   * platform's event thread; a failing suggester is logged and suggests nothing.
   */
  public CompletionStage<List<String>> suggest(String command, Optional<String> subcommand, String option,
      String prefix) {
    try {
      return CompletableFuture.supplyAsync(() -> suggestions(command, subcommand, option, prefix), light);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(List.of());
    }
  }

  private List<String> suggestions(String command, Optional<String> subcommand, String option, String prefix) {
    Set<String> out = new LinkedHashSet<>();
    String lower = prefix.toLowerCase(Locale.ROOT);
    definition(command).map(def -> subcommand.flatMap(def::subcommand).orElse(def))
        .flatMap(def -> def.options().stream().filter(o -> o.name().equals(option)).findFirst())
        .ifPresent(o -> o.choices().stream().filter(c -> c.toLowerCase(Locale.ROOT).startsWith(lower)).forEach(out::add));
    try {
      out.addAll(registry.suggest(command, option, prefix));
    } catch (RuntimeException e) {
      log.error("suggestions for /{} {} failed", command, option, e);
    }
    return List.copyOf(out);
  }

  /** The ephemeral answer to a usage error: what was wrong, then how to call the command. */
  public static Message usage(UsageException e) {
    return Message.ephemeralText(e.getMessage() + "\nUsage: `" + e.usage().replace("\n", "`\n`") + "`");
  }

  private CompletionStage<Answered> run(String name, Supplier<CommandRequest> source, Exchange exchange) {
    Optional<Command> command = registry.command(name);
    if (command.isEmpty()) {
      exchange.send(Message.ephemeralText(CommandRegistry.unknownText(name)), Outcome.USAGE_ERROR);
      return exchange.result;
    }
    exchange.startBudget(timer, limits.answerBudget());
    submit(light, exchange, () -> {
      CommandRequest request;
      try {
        request = source.get();
      } catch (UsageException e) {
        exchange.send(usage(e), Outcome.USAGE_ERROR);
        return;
      }
      String invoked = invoked(request);
      Optional<Answered> refused = refusal(request, invoked);
      if (refused.isPresent()) {
        send(exchange, refused.get());
        return;
      }
      if (command.get().workload() == Workload.HEAVY) {
        exchange.acknowledge();
        submit(heavy, exchange, () -> send(exchange, handle(command.get(), request, invoked)));
      } else {
        send(exchange, handle(command.get(), request, invoked));
      }
    });
    return exchange.result;
  }

  /**
   * Like {@link #answer}, on the caller's thread, for callers that block until the answer anyway
   * (the console, {@code paperboy ask}, the bench's lookups). No budget applies to them, so the
   * hand-off to the pool would buy nothing and cost two thread switches per command (the larger
   * part of {@code /paper}'s time beyond its one SQL statement, measured in {@code paperboy bench}).
   * The same checks, error mapping and logging apply.
   */
  public Answered answerHere(CommandRequest request) {
    Optional<Command> command = registry.command(request.command());
    if (command.isEmpty()) {
      return new Answered(Message.ephemeralText(CommandRegistry.unknownText(request.command())), Outcome.USAGE_ERROR);
    }
    if (light.isShutdown()) {
      return new Answered(Message.ephemeralText(SHUTTING_DOWN), Outcome.FAILED);
    }
    String invoked = invoked(request);
    return refusal(request, invoked).orElseGet(() -> handle(command.get(), request, invoked));
  }

  /** The refusal of a manager-only command or subcommand to a caller who cannot manage the channel. */
  private Optional<Answered> refusal(CommandRequest request, String invoked) {
    if (registry.managerOnly(request.command(), request.subcommand()) && !request.caller().canManage()) {
      return Optional.of(new Answered(
          Message.ephemeralText("Only people who can manage this channel may use `" + invoked + "`."), Outcome.REFUSED));
    }
    return Optional.empty();
  }

  private static Answered handle(Command command, CommandRequest request, String invoked) {
    try {
      return new Answered(command.handle(request), Outcome.ANSWERED);
    } catch (UsageException e) {
      return new Answered(usage(e), Outcome.USAGE_ERROR);
    } catch (RuntimeException e) {
      log.error("{} failed for {} in {}", invoked, request.caller().userId(), request.channel().key(), e);
      return new Answered(apology(invoked), Outcome.FAILED);
    }
  }

  private static void send(Exchange exchange, Answered answered) {
    exchange.send(answered.message(), answered.outcome());
  }

  /** Runs {@code work} on {@code pool}; a full or closed pool, or a crash, still answers. */
  private static void submit(ThreadPoolExecutor pool, Exchange exchange, Runnable work) {
    try {
      pool.execute(() -> {
        try {
          work.run();
        } catch (RuntimeException | Error e) {
          // reading the request failed (a platform call behind it, say): the caller still hears back
          log.error("answering {} failed", exchange.invoked, e);
          exchange.send(exchange.apology(), Outcome.FAILED);
          if (e instanceof Error error) {
            throw error;
          }
        }
      });
    } catch (RejectedExecutionException e) {
      boolean closing = pool.isShutdown();
      log.warn("a command arrived while {}; answered with a retry hint", closing ? "shutting down" : "every worker was busy");
      exchange.send(Message.ephemeralText(closing ? SHUTTING_DOWN : "Paperboy is busy; try again in a moment."),
          Outcome.FAILED);
    }
  }

  static Message apology(String invoked) {
    return Message.ephemeralText("Sorry, `" + invoked + "` failed unexpectedly. The error was logged.");
  }

  private static String invoked(CommandRequest request) {
    return "/" + request.command() + request.subcommand().map(s -> " " + s).orElse("");
  }

  /** Stops taking commands and lets running ones finish for a few seconds. */
  @Override
  public void close() {
    light.shutdown();
    heavy.shutdown();
    try {
      light.awaitTermination(5, TimeUnit.SECONDS);
      heavy.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    light.shutdownNow();
    heavy.shutdownNow();
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  private static ThreadPoolExecutor pool(String prefix, int threads, int queue) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queue), daemonThreads(prefix), new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
