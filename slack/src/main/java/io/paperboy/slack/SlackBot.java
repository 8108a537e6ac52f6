package io.paperboy.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.webhook.WebhookResponse;
import io.paperboy.core.command.Caller;
import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.ParsedCommand;
import io.paperboy.core.command.UsageException;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: every command definition as a slash command under its (configurable) name, plus
 * the umbrella {@code /paperboy <command> …} that always works. Slack's free {@code text} is
 * parsed by the same definitions as everywhere else; a bad argument is answered with the
 * command's usage.
 *
 * <p>Slack wants an acknowledgement within 3 s. Commands that declare they may be slow are
 * acknowledged at once and answered through {@code respond()}; any other command that has not
 * answered within the ack budget is handed over to {@code respond()} the same way.
 */
public final class SlackBot implements AutoCloseable {

  /** The umbrella command; it cannot be renamed, so it always works. */
  public static final String UMBRELLA = "/paperboy";
  /** Slack lets an app use a {@code response_url} five times. */
  private static final int MAX_RESPONSES = 5;
  private static final Duration MANAGER_CACHE = Duration.ofMinutes(5);

  private static final Logger log = LoggerFactory.getLogger(SlackBot.class);

  private final App app;
  private final SlackSettings settings;
  private final CommandRegistry registry;
  private final SlackManagers managers;
  private final SlackRenderer renderer = new SlackRenderer();
  private final Clock clock;
  private final Duration ackBudget;
  private final ThreadPoolExecutor workers;
  private final Map<String, String> commandBySlash = new LinkedHashMap<>();

  /** A bot that answers within Slack's 3 s (2 s of it for the command itself). */
  public SlackBot(SlackSettings settings, CommandRegistry registry, Slack slack, Clock clock) {
    this(settings, registry, slack, clock, Duration.ofSeconds(2));
  }

  SlackBot(SlackSettings settings, CommandRegistry registry, Slack slack, Clock clock, Duration ackBudget) {
    settings.missing().ifPresent(why -> {
      throw new IllegalArgumentException("Slack cannot start: " + why);
    });
    this.settings = settings;
    this.registry = registry;
    this.clock = clock;
    this.ackBudget = ackBudget;
    String botToken = settings.botToken().orElseThrow();
    this.app = new App(AppConfig.builder()
        .singleTeamBotToken(botToken)
        .signingSecret(settings.signingSecret().orElse(null))
        .slack(slack)
        .build());
    this.managers = new SlackManagers(slack.methods(botToken), settings::allowListed, clock, MANAGER_CACHE);
    AtomicInteger threads = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(0, 16, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "slack-command-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.CallerRunsPolicy());
    register();
  }

  /** The Bolt app, for the HTTP servlet or the Socket Mode client. */
  public App app() {
    return app;
  }

  /** Every slash command this bot answers, umbrella last. */
  public List<String> slashCommands() {
    List<String> all = new ArrayList<>(commandBySlash.keySet());
    all.add(UMBRELLA);
    return all;
  }

  private void register() {
    for (CommandDefinition def : registry.definitions()) {
      String slash = settings.slashCommand(def.name());
      if (slash.equals(UMBRELLA) || commandBySlash.putIfAbsent(slash, def.name()) != null) {
        throw new IllegalArgumentException("two commands would answer " + slash + "; rename one in slack.command-names");
      }
      app.command(slash, (req, ctx) ->
          answer(req.getPayload(), ctx, def.name(), SlashCommandText.normalise(req.getPayload().getText()), slash));
    }
    app.command(UMBRELLA, (req, ctx) -> umbrella(req.getPayload(), ctx));
  }

  private Response umbrella(SlashCommandPayload payload, SlashCommandContext ctx) {
    String text = SlashCommandText.normalise(payload.getText());
    int space = 0;
    while (space < text.length() && !Character.isWhitespace(text.charAt(space))) {
      space++;
    }
    String first = text.substring(0, space).toLowerCase(Locale.ROOT);
    first = first.startsWith("/") ? first.substring(1) : first;
    String command = commandBySlash.getOrDefault("/" + first, first);
    if (command.isEmpty() || command.equals("help") && registry.command("help").isEmpty()) {
      return ack(ctx, overview());
    }
    return answer(payload, ctx, command, text.substring(space).strip(), UMBRELLA + " " + command);
  }

  private Response answer(SlashCommandPayload payload, SlashCommandContext ctx, String command, String text,
      String invokedAs) {
    ParsedCommand parsed;
    try {
      parsed = registry.parse(command, text);
    } catch (UsageException e) {
      return ack(ctx, CommandRegistry.usage(new UsageException(e.getMessage(), rename(e.usage(), command, invokedAs))));
    }
    log.debug("{} {} from {} in {}:{}", invokedAs, text, payload.getUserId(), payload.getTeamId(), payload.getChannelId());
    // the manager lookup (users.info) runs inside the command's time, so a slow Slack cannot delay the ack
    CompletableFuture<Message> answer =
        CompletableFuture.supplyAsync(() -> registry.dispatch(request(payload, parsed)), workers);
    if (registry.command(parsed.command()).map(Command::maySlow).orElse(false)) {
      answer.whenComplete((message, failure) -> later(ctx, message, failure, invokedAs));
      return ctx.ack();
    }
    try {
      return ack(ctx, answer.get(ackBudget.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      log.debug("{} is taking longer than {}; answering through response_url", invokedAs, ackBudget);
      answer.whenComplete((message, failure) -> later(ctx, message, failure, invokedAs));
      return ctx.ack();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ctx.ack(":warning: Paperboy is shutting down; try again in a moment.");
    } catch (ExecutionException e) {
      log.error("{} failed", invokedAs, e.getCause());
      return ack(ctx, failed(invokedAs));
    }
  }

  /** Answers an already acknowledged command through its response_url. */
  private void later(SlashCommandContext ctx, Message message, Throwable failure, String invokedAs) {
    if (failure != null) {
      log.error("{} failed after its acknowledgement", invokedAs, failure);
      respond(ctx, failed(invokedAs));
    } else {
      respond(ctx, message);
    }
  }

  private static Message failed(String invokedAs) {
    return Message.ephemeralText("Sorry, `" + invokedAs + "` failed unexpectedly. The error was logged.");
  }

  private CommandRequest request(SlashCommandPayload payload, ParsedCommand parsed) {
    // an org-wide install may leave team_id empty; the enterprise then scopes the settings
    String workspace = payload.getTeamId() != null && !payload.getTeamId().isBlank()
        ? payload.getTeamId() : payload.getEnterpriseId();
    boolean canManage = managers.canManage(workspace, payload.getUserId());
    Caller caller = new Caller(payload.getUserId(),
        payload.getUserName() == null ? payload.getUserId() : payload.getUserName(), canManage);
    return new CommandRequest(parsed.command(), parsed.subcommand(), parsed.options(), caller,
        ChannelRef.of(Platform.SLACK, workspace, payload.getChannelId()), clock.instant());
  }

  /** The answer in the acknowledgement when it fits one message; otherwise ack now, then respond in order. */
  private Response ack(SlashCommandContext ctx, Message message) {
    List<SlackPost> posts = renderer.render(message);
    if (posts.size() == 1) {
      return ctx.ack(response(posts.get(0), message.ephemeral()));
    }
    workers.execute(() -> respond(ctx, message));
    return ctx.ack();
  }

  private void respond(SlashCommandContext ctx, Message message) {
    List<SlackPost> posts = renderer.render(message);
    if (posts.size() > MAX_RESPONSES) {
      log.warn("an answer of {} messages exceeds the {} a response_url takes; the rest is not shown",
          posts.size(), MAX_RESPONSES);
    }
    for (SlackPost post : posts.subList(0, Math.min(posts.size(), MAX_RESPONSES))) {
      try {
        WebhookResponse r = ctx.respond(response(post, message.ephemeral()));
        if (r.getCode() != 200) {
          log.warn("response_url answered HTTP {}: {}", r.getCode(), r.getBody());
          return;
        }
      } catch (IOException e) {
        log.warn("could not answer through response_url: {}", e.toString());
        return;
      }
    }
  }

  private static SlashCommandResponse response(SlackPost post, boolean ephemeral) {
    return SlashCommandResponse.builder()
        .responseType(ephemeral ? "ephemeral" : "in_channel")
        .text(post.text())
        .blocks(post.blocks())
        .build();
  }

  /** Usage lines name the command as the user called it: {@code /papersearch …}, {@code /paperboy search …}. */
  private static String rename(String usage, String command, String invokedAs) {
    String canonical = "/" + command;
    StringBuilder sb = new StringBuilder();
    for (String line : usage.split("\n", -1)) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(line.startsWith(canonical) ? invokedAs + line.substring(canonical.length()) : line);
    }
    return sb.toString();
  }

  private Message overview() {
    StringBuilder sb = new StringBuilder();
    for (CommandDefinition def : registry.definitions()) {
      String slash = settings.slashCommand(def.name());
      for (String line : rename(def.usage(), def.name(), slash).split("\n")) {
        sb.append("- `").append(line).append("` — ").append(def.description())
            .append(def.managerOnly() ? " (managers)" : "").append('\n');
      }
    }
    sb.append("\nEvery command also works as `").append(UMBRELLA).append(" <command> …`.");
    return Message.builder().header("Paperboy commands").text(sb.toString()).ephemeral(true).build();
  }

  @Override
  public void close() {
    workers.shutdown();
  }
}
