package io.paperboy.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.paperboy.core.command.Caller;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.command.ParsedCommand;
import io.paperboy.core.command.UsageException;
import io.paperboy.core.message.Message;
import io.paperboy.slack.install.InstallPages;
import io.paperboy.slack.install.SlackDistribution;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: every command definition as a slash command under its (configurable) name, plus
 * the umbrella {@code /paperboy <command> …} that always works. Slack's free {@code text} is
 * parsed by the same definitions as everywhere else; a bad argument is answered with the
 * command's usage, named as the user typed it.
 *
 * <p>Answering is the {@link CommandService}'s: this class only translates a slash command into
 * a request and a {@link SlashCommandReplies} port, then hands Bolt the acknowledgement the
 * service decided on (the answer itself within the budget, else an empty one and
 * {@code respond()} later).
 */
public final class SlackBot {

  /** The umbrella command; it cannot be renamed, so it always works. */
  public static final String UMBRELLA = "/paperboy";
  private static final Duration MANAGER_CACHE = Duration.ofMinutes(5);

  private static final Logger log = LoggerFactory.getLogger(SlackBot.class);

  private final App app;
  private final SlackSettings settings;
  private final CommandService commands;
  private final SlackManagers managers;
  private final SlackRenderer renderer = new SlackRenderer();
  private final Clock clock;
  private final Map<String, String> commandBySlash = new LinkedHashMap<>();
  private final Optional<SlackDistribution> distribution;

  /**
   * A single-workspace bot ({@code SLACK_BOT_TOKEN}).
   *
   * @param commands answers the commands; shared, so it stays open as long as its owner wants
   */
  public SlackBot(SlackSettings settings, CommandService commands, Slack slack, Clock clock) {
    this(settings, commands, slack, clock, Optional.empty());
  }

  /**
   * A bot for one workspace, or — with {@code distribution} — for every workspace that installs
   * it through {@link SlackDistribution#INSTALL_PATH}; Bolt then answers each command with the
   * token of the workspace it came from.
   */
  public SlackBot(SlackSettings settings, CommandService commands, Slack slack, Clock clock,
      Optional<SlackDistribution> distribution) {
    settings.missing().ifPresent(why -> {
      throw new IllegalArgumentException("Slack cannot start: " + why);
    });
    if (settings.distributed() != distribution.isPresent()) {
      throw new IllegalArgumentException(settings.distributed()
          ? "a distributed Slack app (" + SlackSettings.CLIENT_ID_VARIABLE + ") needs the database's installations"
          : "installations given, but " + SlackSettings.CLIENT_ID_VARIABLE + " is not set");
    }
    this.settings = settings;
    this.commands = commands;
    this.clock = clock;
    this.distribution = distribution;
    AppConfig.AppConfigBuilder config = AppConfig.builder()
        .signingSecret(settings.signingSecret().orElse(null))
        .slack(slack);
    if (distribution.isPresent()) {
      config.clientId(settings.clientId().orElseThrow())
          .clientSecret(settings.clientSecret().orElseThrow())
          .scope(String.join(",", SlackDistribution.BOT_SCOPES))
          .oauthInstallPath(SlackDistribution.INSTALL_PATH)
          .oauthRedirectUriPath(SlackDistribution.REDIRECT_PATH)
          .oAuthInstallPageRenderingEnabled(false)
          .oAuthRedirectUriPageRenderer(new InstallPages());
      this.app = distribution.get().configure(new App(config.build()));
    } else {
      this.app = new App(config.singleTeamBotToken(settings.botToken().orElseThrow()).build());
    }
    this.managers = new SlackManagers(settings::allowListed, clock, MANAGER_CACHE);
    register();
  }

  /** Whether this bot serves many workspaces through the install flow. */
  public Optional<SlackDistribution> distribution() {
    return distribution;
  }

  /** The bot token of each workspace, for the gateway that posts deliveries. */
  public BotTokens botTokens() {
    return distribution.isPresent() ? distribution.get()::token : BotTokens.single(settings.botToken().orElseThrow());
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
    for (CommandDefinition def : commands.definitions()) {
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
    if (command.isEmpty() || command.equals("help") && commands.definition("help").isEmpty()) {
      SlashCommandReplies replies = new SlashCommandReplies(ctx, renderer, UMBRELLA);
      replies.answer(overview());
      return replies.awaitAcknowledgement(commands.answerBudget());
    }
    return answer(payload, ctx, command, text.substring(space).strip(), UMBRELLA + " " + command);
  }

  private Response answer(SlashCommandPayload payload, SlashCommandContext ctx, String command, String text,
      String invokedAs) {
    log.debug("{} {} from {} in {}:{}", invokedAs, text, payload.getUserId(), payload.getTeamId(), payload.getChannelId());
    SlashCommandReplies replies = new SlashCommandReplies(ctx, renderer, invokedAs);
    // parsing and the manager lookup (users.info) run inside the budget, so a slow Slack cannot delay the ack
    commands.serve(command, () -> request(payload, ctx, parse(command, text, invokedAs)), replies);
    return replies.awaitAcknowledgement(commands.answerBudget());
  }

  /** The text parsed for {@code command}; a usage error names the command as the user called it. */
  private ParsedCommand parse(String command, String text, String invokedAs) {
    try {
      return commands.parse(command, text);
    } catch (UsageException e) {
      throw new UsageException(e.getMessage(), rename(e.usage(), command, invokedAs));
    }
  }

  private CommandRequest request(SlashCommandPayload payload, SlashCommandContext ctx, ParsedCommand parsed) {
    // an org-wide install may leave team_id empty; the enterprise then scopes the settings
    String workspace = payload.getTeamId() != null && !payload.getTeamId().isBlank()
        ? payload.getTeamId() : payload.getEnterpriseId();
    // ctx.client() carries the token Bolt chose for this request's workspace
    boolean canManage = managers.canManage(ctx.client(), workspace, payload.getUserId());
    Caller caller = new Caller(payload.getUserId(),
        payload.getUserName() == null ? payload.getUserId() : payload.getUserName(), canManage);
    return new CommandRequest(parsed.command(), parsed.subcommand(), parsed.options(), caller,
        ChannelRef.of(Platform.SLACK, workspace, payload.getChannelId()), clock.instant());
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
    for (CommandDefinition def : commands.definitions()) {
      String slash = settings.slashCommand(def.name());
      for (String line : rename(def.usage(), def.name(), slash).split("\n")) {
        sb.append("- `").append(line).append("` — ").append(def.description())
            .append(def.managerOnly() ? " (managers)" : "").append('\n');
      }
    }
    sb.append("\nEvery command also works as `").append(UMBRELLA).append(" <command> …`.");
    return Message.builder().header("Paperboy commands").text(sb.toString()).ephemeral(true).build();
  }
}
