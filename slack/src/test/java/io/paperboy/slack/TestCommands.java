package io.paperboy.slack;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.OptionDefinition;
import io.paperboy.core.command.Workload;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Small stand-ins for the real commands, so the adapter is tested on its own: a {@code /paper}
 * that answers a card, a heavy {@code /digest}, a manager-only {@code /subscribe} and a
 * {@code /stuck} that blocks until released. Each records the requests it handled.
 */
final class TestCommands {

  final List<CommandRequest> handled = new CopyOnWriteArrayList<>();
  final CountDownLatch release = new CountDownLatch(1);

  private TestCommands() {}

  static TestCommands create() {
    return new TestCommands();
  }

  CommandRegistry registry() {
    return new CommandRegistry(List.of(new Paper(), new Digest(), new Subscribe(), new Stuck()));
  }

  /** A command service of its own over these commands; whoever starts it closes it. */
  CommandService service() {
    return new CommandService(registry());
  }

  private final class Paper implements Command {
    private final Map<String, Block.PaperCard> papers = Map.of(
        "2406.04325", DailyPosts.shareCard(), "2406.04314", DailyPosts.videoCard());

    @Override
    public CommandDefinition definition() {
      return CommandDefinition.of("paper", "Show one paper",
          OptionDefinition.string("id", "arXiv id or URL, e.g. 2406.04325", true));
    }

    @Override
    public Message handle(CommandRequest request) {
      handled.add(request);
      String id = request.string("id").orElseThrow().replaceFirst("^https?://arxiv\\.org/abs/", "");
      Block.PaperCard card = papers.get(id);
      return card == null ? Message.ephemeralText("No paper `" + id + "` in any stored digest.") : Message.of(card);
    }
  }

  private final class Digest implements Command {
    @Override
    public CommandDefinition definition() {
      return CommandDefinition.of("digest", "Post a day's papers",
          OptionDefinition.date("date", "which day", false, List.of("today", "yesterday")),
          OptionDefinition.integer("n", "how many", false, 1, 100));
    }

    @Override
    public Workload workload() {
      return Workload.HEAVY;
    }

    @Override
    public Message handle(CommandRequest request) {
      handled.add(request);
      return DailyPosts.dailyPost(DailyPosts.DAY, List.of(DailyPosts.shareCard(), DailyPosts.videoCard()));
    }
  }

  private final class Subscribe implements Command {
    @Override
    public CommandDefinition definition() {
      return CommandDefinition.managed("subscribe", "Post the daily digest in this channel",
          OptionDefinition.string("time", "local time, HH:MM", false));
    }

    @Override
    public Message handle(CommandRequest request) {
      handled.add(request);
      return Message.ephemeralText("Subscribed `" + request.channel().key() + "` at "
          + request.string("time").orElse("09:00") + ".");
    }
  }

  private final class Stuck implements Command {
    @Override
    public CommandDefinition definition() {
      return CommandDefinition.of("stuck", "Answers only when the test releases it");
    }

    @Override
    public Message handle(CommandRequest request) {
      handled.add(request);
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Message.ephemeralText("Finally done.");
    }
  }
}
