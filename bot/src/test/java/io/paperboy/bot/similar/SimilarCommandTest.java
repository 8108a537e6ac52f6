package io.paperboy.bot.similar;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.bot.Paperboy;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.core.command.Caller;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.command.ParsedCommand;
import io.paperboy.core.command.UsageException;
import io.paperboy.core.console.ConsoleRenderer;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.scheduler.ingest.IngestProgress;
import io.paperboy.store.ChannelRef;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /similar} and the related papers of {@code /paper}, through the composition root, on the seed days. */
@DisplayName("/similar and /paper's related papers on the two seed days")
class SimilarCommandTest {

  private static final Path SEEDS = Path.of(System.getProperty("paperboy.projectSeeds", "../seeds"));

  @TempDir
  Path dir;

  private Paperboy app;

  @BeforeEach
  void open() {
    app = Paperboy.open(PaperboyConfig.defaults().withDatabase(dir.resolve("paperboy.db").toString()), Clock.systemUTC());
    app.ingest(List.of(SEEDS), IngestProgress.NONE);
  }

  @AfterEach
  void close() {
    app.close();
  }

  private Message ask(String line) {
    String name = line.substring(1).split(" ", 2)[0];
    String args = line.contains(" ") ? line.substring(line.indexOf(' ') + 1) : "";
    try {
      ParsedCommand p = app.commands().parse(name, args);
      return app.commands().execute(new CommandRequest(p.command(), p.subcommand(), p.options(), Caller.console(),
          ChannelRef.console(), Instant.parse("2024-06-07T03:00:00Z"))).toCompletableFuture().join();
    } catch (UsageException e) {
      return CommandService.usage(e);
    }
  }

  private static List<String> contexts(Message m) {
    List<String> out = new ArrayList<>();
    m.blocks().stream().filter(b -> b instanceof Block.Context).forEach(b -> out.addAll(((Block.Context) b).items()));
    return out;
  }

  private static String text(Message m) {
    return m.blocks().stream().filter(b -> b instanceof Block.Text).map(b -> ((Block.Text) b).markdown())
        .findFirst().orElse("");
  }

  @Test
  @DisplayName("/similar ID: the video papers first, each card followed by the words it shares")
  void similar() {
    // WHEN asked for papers like ShareGPT4Video (video captions)
    Message m = ask("/similar 2406.04325");

    // THEN a header naming it, five cards (never itself), the caption paper first
    assertThat(m.blocks().get(0)).isEqualTo(new Block.Header(
        "Similar to 2406.04325: ShareGPT4Video: Improving Video Understanding and Generation with Better Captions"));
    assertThat(m.paperCards()).hasSize(5).extracting(Block.PaperCard::arxivId)
        .doesNotContain("2406.04325").startsWith("2311.10111");
    assertThat(m.paperCards()).allSatisfy(c -> assertThat(c.title()).containsIgnoringCase("video"));
    // AND each card is followed by its reason: shared words as the paper writes them, and a score
    for (int i = 0; i < m.blocks().size(); i++) {
      if (m.blocks().get(i) instanceof Block.PaperCard) {
        assertThat(m.blocks().get(i + 1)).isInstanceOfSatisfying(Block.Context.class, c ->
            assertThat(c.items()).singleElement().asString().matches("Shares: [^·]+ · \\d+% alike"));
      }
    }
    assertThat(contexts(m)).contains("Shares: 캡션, 비디오, Captions · 30% alike");
    // AND the console draws it as text
    assertThat(new ConsoleRenderer().render(m)).contains("VideoCon: Robust Video-Language Alignment via Contrast Captions",
        "Shares: 캡션, 비디오, Captions · 30% alike");
  }

  @Test
  @DisplayName("/similar ID n: as many as asked; a URL or versioned id works like the id")
  void count() {
    assertThat(ask("/similar 2406.04325 n:2").paperCards()).extracting(Block.PaperCard::arxivId)
        .containsExactly("2311.10111", "2406.04277");
    assertThat(ask("/similar https://huggingface.co/papers/2406.04325v2 2").paperCards()).hasSize(2);
    assertThat(ask("/similar https://arxiv.org/abs/2406.04325").paperCards()).hasSize(5);
    assertThat(ask("/similar 2406.04325 n:10").paperCards()).hasSize(10);
  }

  @Test
  @DisplayName("a bad id is a usage error, an unknown one says so, n out of range is refused")
  void errors() {
    Message bad = ask("/similar not-an-id");
    assertThat(bad.ephemeral()).isTrue();
    assertThat(text(bad)).startsWith("`not-an-id` is not an arXiv id or URL").contains("Usage: `/similar <ID|URL> [N]`");

    Message unknown = ask("/similar 2406.99999");
    assertThat(unknown.ephemeral()).isTrue();
    assertThat(text(unknown)).startsWith("No paper `2406.99999` in any stored digest")
        .contains("The latest digest is from 2024-06-07");

    assertThat(text(ask("/similar 2406.04325 n:11"))).contains("Usage: `/similar");
    assertThat(text(ask("/similar"))).contains("Usage: `/similar");
  }

  @Test
  @DisplayName("/paper lists the three papers /similar lists first, one plain line each")
  void related() {
    List<String> similar = ask("/similar 2406.04325 n:3").paperCards().stream().map(Block.PaperCard::arxivId).toList();

    Message paper = ask("/paper 2406.04325");

    assertThat(paper.paperCards()).singleElement().extracting(Block.PaperCard::arxivId).isEqualTo("2406.04325");
    List<String> lines = contexts(paper);
    int at = lines.indexOf("Related papers (/similar 2406.04325 for more):");
    assertThat(at).isPositive();
    assertThat(lines.subList(at + 1, lines.size())).hasSize(3)
        .satisfiesExactly(
            l -> assertThat(l).startsWith(similar.get(0) + " · VideoCon").contains(" — shares 캡션, 비디오, Captions"),
            l -> assertThat(l).startsWith(similar.get(1) + " · "),
            l -> assertThat(l).startsWith(similar.get(2) + " · "));
  }

  @Test
  @DisplayName("a paper ingested later is found at once: the index follows the stored days")
  void followsIngest() throws Exception {
    // GIVEN a new day with a near copy of VideoCon's title and summary
    java.nio.file.Path day = dir.resolve("2024-06-10.md");
    java.nio.file.Files.writeString(day, """
        ## Daily Papers (2024-06-10)

        ### [VideoCon 2: Contrast Captions for Robust Video-Language Alignment, Again](https://arxiv.org/abs/2406.09999)

        Vote: 3

        Authors: Ana Kim

        - 비디오 캡션 대조 학습으로 비디오-언어 정렬을 강건하게 만든다.
        """);
    assertThat(ask("/similar 2311.10111").paperCards()).extracting(Block.PaperCard::arxivId).doesNotContain("2406.09999");

    // WHEN it is ingested THEN the next /similar lists it
    app.ingest(List.of(day), IngestProgress.NONE);
    assertThat(ask("/similar 2311.10111").paperCards()).extracting(Block.PaperCard::arxivId).contains("2406.09999");
  }
}
