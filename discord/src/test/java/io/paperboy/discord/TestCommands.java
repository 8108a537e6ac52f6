package io.paperboy.discord;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.OptionDefinition;
import io.paperboy.core.command.UsageException;
import io.paperboy.core.command.Workload;
import io.paperboy.core.message.Message;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Small test-only commands standing in for the real ones: {@code /paper} answers one card,
 * {@code /top} is heavy (deferred at once) and has a date option with suggestions and a ranged
 * integer, {@code /subscribe} is manager-only, and {@code /alert} is an umbrella whose
 * {@code add} alone needs a manager. Every request they receive is kept for assertions.
 */
final class TestCommands {

  static final List<String> DIGEST_DAYS = List.of("2024-06-07", "2024-06-06", "2024-06-05", "2024-05-31");

  final List<CommandRequest> received = new CopyOnWriteArrayList<>();

  /** A command service of its own over these commands; whoever starts it closes it. */
  CommandService service() {
    return new CommandService(new CommandRegistry(List.of(new Paper(), new Top(), new Subscribe(), new Alert())));
  }

  final class Paper implements Command {
    @Override
    public CommandDefinition definition() {
      return CommandDefinition.of("paper", "Show one paper", OptionDefinition.string("id", "arXiv id or URL", true));
    }

    @Override
    public Message handle(CommandRequest request) {
      received.add(request);
      String id = request.string("id").orElseThrow();
      if (!id.startsWith("2406.")) {
        throw new UsageException("No paper `" + id + "` in the digests.", definition().usage());
      }
      return Message.of(TestPapers.typical(1));
    }
  }

  final class Top implements Command {
    @Override
    public CommandDefinition definition() {
      return CommandDefinition.of("top", "Best papers of a day or period",
          OptionDefinition.date("when", "today, yesterday, week, or a date", false, List.of("today", "yesterday", "week")),
          OptionDefinition.integer("n", "how many papers", false, 1, 25));
    }

    @Override
    public Workload workload() {
      return Workload.HEAVY;
    }

    @Override
    public Message handle(CommandRequest request) {
      received.add(request);
      String when = request.string("when").orElse("today");
      if (when.matches("\\d{4}-\\d{2}-\\d{2}") && !DIGEST_DAYS.contains(when)) {
        throw new UsageException("No digest on " + when + ".", definition().usage());
      }
      int n = request.integer("n").orElse(3L).intValue();
      Message.Builder answer = Message.builder().header("Top " + n + " · " + request.string("when").orElse("today"));
      for (int i = 1; i <= n; i++) {
        answer.add(TestPapers.typical(i));
      }
      return answer.build();
    }

    @Override
    public List<String> suggest(String option, String prefix) {
      return option.equals("when") ? DIGEST_DAYS.stream().filter(d -> d.startsWith(prefix)).toList() : List.of();
    }
  }

  final class Subscribe implements Command {
    @Override
    public CommandDefinition definition() {
      return CommandDefinition.managed("subscribe", "Post the daily digest in this channel",
          OptionDefinition.choice("style", "how to lay out the day", false, List.of("digest", "threads", "forum")));
    }

    @Override
    public Message handle(CommandRequest request) {
      received.add(request);
      return Message.ephemeralText("Subscribed `" + request.channel().key() + "` ("
          + request.string("style").orElse("digest") + ").");
    }
  }

  final class Alert implements Command {
    @Override
    public CommandDefinition definition() {
      return CommandDefinition.group("alert", "Alerts for keywords",
          CommandDefinition.managed("add", "Add an alert", OptionDefinition.string("keyword", "word to watch", true),
              OptionDefinition.mentionable("ping", "who to ping", false)),
          CommandDefinition.of("list", "List this channel's alerts"));
    }

    @Override
    public Message handle(CommandRequest request) {
      received.add(request);
      return Message.ephemeralText("alerts: " + request.subcommand().orElse("?"));
    }
  }
}
