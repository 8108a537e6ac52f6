package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.message.Message;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.FakeInteraction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The answer budget on Discord: a light command that has not answered when the budget is spent
 * is deferred, then answered by a follow-up. The command waits on a latch the test releases, so
 * the order is fixed whatever the machine's speed; the short budget only shortens the test.
 */
@DisplayName("Discord: a command slower than the answer budget")
class DiscordAnswerBudgetTest {

  @RegisterExtension
  final LogGuard logs = new LogGuard();

  private final CountDownLatch release = new CountDownLatch(1);

  /** {@code /stuck}: light, and answers only when released. */
  private final class Stuck implements Command {
    @Override
    public CommandDefinition definition() {
      return CommandDefinition.of("stuck", "Answers when the test releases it");
    }

    @Override
    public Message handle(CommandRequest request) {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Message.builder().text("Finally done.").build();
    }
  }

  @Test
  @DisplayName("is deferred when the budget is spent, then answered through the hook")
  void deferredThenFollowedUp() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start(Permission.getRaw(DiscordPermissions.required()));
         CommandService commands = new CommandService(new CommandRegistry(List.of(new Stuck())),
             CommandService.Limits.DEFAULT.withAnswerBudget(Duration.ofMillis(100)));
         DiscordBot bot = DiscordFixture.connect(fake, commands)) {
      // WHEN /stuck is run and does not answer
      String id = fake.send(FakeInteraction.slash("stuck"));

      // THEN the interaction is deferred (type 5) and nothing follows while the command runs
      assertThat(fake.awaitCallback(id).body().path("type").asInt()).isEqualTo(5);
      String webhook = "/webhooks/" + FakeDiscord.BOT_ID + "/token-" + id;
      assertThat(fake.calls("POST", webhook)).isEmpty();

      // WHEN it finishes, THEN its answer is the follow-up
      release.countDown();
      assertThat(fake.await("POST", webhook).body().path("content").asText()).isEqualTo("Finally done.");
      assertThat(bot.commandsRegistered()).isTrue();
    } finally {
      release.countDown();
    }
  }
}
