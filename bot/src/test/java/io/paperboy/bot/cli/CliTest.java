package io.paperboy.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end: real files, real SQLite, the exact contract acceptance checks rely on. */
class CliTest {

  static final Path SEEDS = Path.of(System.getProperty("paperboy.projectSeeds"));

  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  Result runWithInput(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Stdio stdio = new Stdio(new BufferedReader(new StringReader(stdin)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    // seeds/ is relative to the project root, surefire runs in bot/
    int code = PaperboyCli.execute(args, stdio, Map.of("PAPERBOY_SEEDS", SEEDS.toString()));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Result run(String... args) {
    return runWithInput("", args);
  }

  String db() {
    return dir.resolve("p.db").toString();
  }

  @Test
  @DisplayName("ingest the seeds, then export them as JSON Lines with exactly the contract's fields")
  void ingestAndExport() throws IOException {
    Result ingest = run("ingest", SEEDS.toString(), "--db", db());
    assertThat(ingest.code()).as(ingest.err()).isZero();
    assertThat(ingest.out()).contains("2 files").contains("2 days");

    Result export = run("export", "--db", db());
    assertThat(export.code()).isZero();
    List<JsonNode> lines = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : export.out().split("\n")) {
      lines.add(json.readTree(line));
    }
    assertThat(lines).isNotEmpty();
    List<String> fields = new ArrayList<>();
    Iterator<String> names = lines.get(0).fieldNames();
    names.forEachRemaining(fields::add);
    assertThat(fields).containsExactly("date", "rank", "id", "title", "url", "votes", "authors", "authors_more",
        "media", "summary");
    assertThat(lines).allMatch(l -> l.get("authors_more").isBoolean());
    // ordered by date, then rank
    assertThat(lines.get(0).get("date").asText()).isEqualTo("2023-11-21");
    assertThat(lines.get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(lines.get(0).get("votes").isNull()).as("the early shape has no votes").isTrue();
    JsonNode ref = lines.stream().filter(l -> l.get("id").asText().equals("2406.04325")).findFirst().orElseThrow();
    assertThat(ref.get("date").asText()).isEqualTo("2024-06-07");
    assertThat(ref.get("votes").asInt()).isEqualTo(35);
    assertThat(ref.get("url").asText()).isEqualTo("https://arxiv.org/abs/2406.04325");
    assertThat(ref.get("media").asText()).endsWith("2406.04325.png");
    assertThat(ref.get("summary").asText()).startsWith("- ").contains("ShareGPT4Video");

    Result oneDay = run("export", "--db", db(), "--date", "2024-06-07");
    assertThat(oneDay.out().lines()).allMatch(l -> l.contains("\"date\":\"2024-06-07\""));

    // re-ingesting is an update, never a duplicate, and unchanged files change nothing
    Result again = run("ingest", SEEDS.toString(), "--db", db());
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains(": 0 new, 0 updated, " + lines.size() + " unchanged, 0 removed entries");
    assertThat(run("export", "--db", db()).out()).isEqualTo(export.out());
  }

  @Test
  @DisplayName("a day with more papers than ingest.max-papers-per-day is refused with file:line, and the stored day is unchanged")
  void floodDigestRefused() throws IOException {
    Path first = dir.resolve("in/2024-06-07.md");
    Files.createDirectories(first.getParent());
    Files.writeString(first, "## Daily Papers (2024-06-07)\n\n### [Real](https://arxiv.org/abs/2406.00001)\n\n- 요약.\n",
        StandardCharsets.UTF_8);
    assertThat(run("ingest", first.toString(), "--db", db()).code()).isZero();
    String before = run("export", "--db", db()).out();
    StringBuilder flood = new StringBuilder("## Daily Papers (2024-06-07)\n");
    for (int i = 1; i <= 5_000; i++) {
      flood.append(String.format("### [P](https://arxiv.org/abs/2406.%05d)\n", i));
    }
    Path hostile = dir.resolve("flood/2024-06-07.md");
    Files.createDirectories(hostile.getParent());
    Files.writeString(hostile, flood, StandardCharsets.UTF_8);

    Result r = run("ingest", hostile.toString(), "--db", db());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(hostile + ":1002: more than 1000 papers in the digest of 2024-06-07");
    assertThat(run("export", "--db", db()).out()).isEqualTo(before);
  }

  @Test
  @DisplayName("an author list cut with '+' exports authors_more true, and the card says '25+ authors' / 'et al.'")
  void cutAuthorLists() throws IOException {
    StringBuilder many = new StringBuilder();
    for (int i = 1; i <= 25; i++) {
      many.append("Author ").append(i).append(", ");
    }
    Path file = dir.resolve("2024-06-07.md");
    Files.writeString(file, "## Daily Papers (2024-06-07)\n\n"
        + "### [Long](https://arxiv.org/abs/2312.11805)\n\nAuthors: " + many + "+\n\n- 요약.\n\n"
        + "### [Short](https://arxiv.org/abs/2405.19327)\n\nAuthors: Ge Zhang, +, Wenhu Chen\n\n- 요약.\n\n"
        + "### [Whole](https://arxiv.org/abs/2401.00007)\n\nAuthors: Ada Lovelace, Alan Turing\n\n- 요약.\n",
        StandardCharsets.UTF_8);
    assertThat(run("ingest", file.toString(), "--db", db()).code()).isZero();

    Result export = run("export", "--db", db());
    ObjectMapper json = new ObjectMapper();
    List<Boolean> more = new ArrayList<>();
    for (String line : export.out().split("\n")) {
      more.add(json.readTree(line).get("authors_more").asBoolean());
    }
    assertThat(more).containsExactly(true, true, false);
    assertThat(run("ask", "--db", db(), "/paper 2312.11805").out()).contains("et al. (25+ authors)")
        .doesNotContain("(25 authors)");
    assertThat(run("ask", "--db", db(), "/paper 2405.19327").out()).contains("Ge Zhang, Wenhu Chen et al.");
    assertThat(run("ask", "--db", db(), "/paper 2401.00007").out()).contains("Ada Lovelace, Alan Turing")
        .doesNotContain("et al");
  }

  @Test
  @DisplayName("a refused file exits 2 with file:line: reason, stores nothing of it, and the store is unchanged")
  void refusal() throws IOException {
    run("ingest", SEEDS.toString(), "--db", db());
    String before = run("export", "--db", db()).out();
    Path bad = dir.resolve("bad.md");
    Files.writeString(bad, "## Daily Papers (2024-06-08)\n\n### [A paper](https://example.com/not-arxiv)\n\nVote: 3\n");
    Path good = dir.resolve("2024-06-10.md");
    Files.writeString(good, "## Daily Papers (2024-06-10)\n\n### [Good](https://arxiv.org/abs/2406.11111)\n\nVote: 3\n\n- 좋은 논문\n");
    Result r = run("ingest", bad.toString(), good.toString(), "--db", db());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(bad + ":3: ");
    String after = run("export", "--db", db()).out();
    assertThat(after).contains("2406.11111").doesNotContain("2024-06-08");
    assertThat(after.replaceAll("(?m)^.*2406\\.11111.*\\n", "")).isEqualTo(before);
  }

  @Test
  @DisplayName("malformed files of many kinds: each refused with file:line: reason, exit 2, the store byte-for-byte as before")
  void manyRefusals() throws IOException {
    run("ingest", SEEDS.toString(), "--db", db());
    String before = run("export", "--db", db()).out();
    Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
    bad.put("no-heading.md", "### [A](https://arxiv.org/abs/2406.00001)\n\n- x\n".getBytes(StandardCharsets.UTF_8));
    bad.put("bad-date.md", "## Daily Papers (2024-02-30)\n\n### [A](https://arxiv.org/abs/2406.00001)\n".getBytes(StandardCharsets.UTF_8));
    bad.put("not-iso.md", "## Daily Papers (2024-6-7)\n\n### [A](https://arxiv.org/abs/2406.00001)\n".getBytes(StandardCharsets.UTF_8));
    bad.put("no-link.md", "## Daily Papers (2024-06-08)\n\n### Just a title\n\n- x\n".getBytes(StandardCharsets.UTF_8));
    byte[] latin1 = "## Daily Papers (2024-06-08)\n\n### [Caf\u00e9](https://arxiv.org/abs/2406.00001)\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    bad.put("latin1.md", latin1);
    byte[] binary = new byte[4096];
    new java.util.Random(1).nextBytes(binary);
    bad.put("binary.md", binary);
    bad.put("empty.md", new byte[0]);
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("ingest", "--db", db()));
    for (Map.Entry<String, byte[]> e : bad.entrySet()) {
      Path f = dir.resolve(e.getKey());
      Files.write(f, e.getValue());
      args.add(f.toString());
    }
    Path huge = dir.resolve("huge.md");
    try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      raf.setLength(6L * 1024 * 1024);
    }
    args.add(huge.toString());

    Result r = run(args.toArray(String[]::new));

    assertThat(r.code()).isEqualTo(2);
    java.util.List<String> lines = r.err().lines().toList();
    assertThat(lines).hasSize(bad.size() + 1);
    for (String name : bad.keySet()) {
      assertThat(lines).anyMatch(l -> l.matches(java.util.regex.Pattern.quote(dir.resolve(name).toString()) + ":\\d+: .+"));
    }
    assertThat(lines).anyMatch(l -> l.startsWith(huge + ":1: "));
    assertThat(run("export", "--db", db()).out()).isEqualTo(before);
  }

  @Test
  @DisplayName("ask answers one command as the console shows it; a usage error exits non-zero")
  void ask() {
    run("ingest", SEEDS.toString(), "--db", db());
    Result paper = run("ask", "/paper 2406.04325", "--db", db());
    assertThat(paper.code()).isZero();
    assertThat(paper.out()).contains("ShareGPT4Video").contains("https://arxiv.org/abs/2406.04325").contains("▲ 35 votes");
    Result missing = run("ask", "/paper 2406.99999", "--db", db());
    assertThat(missing.code()).isZero();
    assertThat(missing.out()).contains("No paper");
    Result bad = run("ask", "/top week banana", "--db", db());
    assertThat(bad.code()).isNotZero();
    assertThat(bad.out()).contains("Usage: `/top");
    // rendered for a terminal, but not styled: this output is not one
    Result subscribed = run("ask", "/subscribe time:09:00", "--db", db());
    assertThat(subscribed.out()).contains("Settings: weekdays at 09:00").doesNotContain("**").doesNotContain("\u001b[");
    Result top = run("ask", "/top today", "--db", db(), "--now", "2024-06-07");
    assertThat(top.out()).contains("Top 9 — today (2024-06-07)").contains("2406.04325");
    // the README's first examples, on the seeds, on whatever day the test runs: the latest week answers
    Result week = run("ask", "/top week 5", "--db", db());
    assertThat(week.code()).isZero();
    assertThat(week.out()).containsPattern("No digest this week \\(.*\\) — the latest is the week 2024-06-01 – 2024-06-07:")
        .contains("Top 5 — the week 2024-06-01 – 2024-06-07").contains("2406.04325");
    assertThat(run("ask", "/digest today", "--db", db()).out()).containsPattern("No digest today \\(.*\\) — the latest is 2024-06-07:");
  }

  @Test
  @DisplayName("run ingests the seeds and answers /paper typed on the console")
  void runConsole() {
    Result r = runWithInput("/paper 2406.04325\n/quit\n", "run", "--db", db());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("seeds: 2 files");
    assertThat(r.out()).contains("Paperboy is running").contains("ShareGPT4Video")
        // the README's console section quotes this line
        .contains("Daily post here: weekdays at 09:00 (Asia/Seoul) · ");
  }

  @Test
  @DisplayName("--db, --config and --now work before or after the subcommand; without one they mean run")
  void optionsBeforeOrAfterTheSubcommand() throws IOException {
    Path example = SEEDS.resolveSibling("config").resolve("paperboy.example.yml");
    // the example config's header: ./paperboy --config config/paperboy.example.yml
    Result configFirst = runWithInput("/quit\n", "--config", example.toString(), "--db", db());
    assertThat(configFirst.code()).as(configFirst.err()).isZero();
    assertThat(configFirst.out()).contains("Paperboy is running on " + db());
    // the README's demo tip: ./paperboy --now … pins the clock of run (an hour before the post, so none is printed)
    String pin = "2024-06-07T08:00:00+09:00";
    // (on a database of its own: the run above subscribed the console in real time, after 2024)
    String demo = dir.resolve("demo.db").toString();
    Result nowFirst = runWithInput("/top today 1\n/quit\n", "--now", pin, "--db", demo);
    assertThat(nowFirst.code()).as(nowFirst.err()).isZero();
    assertThat(nowFirst.out()).contains("Top 1 — today (2024-06-07)").contains("next Fri 7 Jun 2024, 09:00 KST (in ");
    for (String[] args : List.of(new String[] {"run", "--now", pin, "--db", demo},
        new String[] {"--now", pin, "--db", demo, "run"}, new String[] {"--now", pin, "run", "--db", demo})) {
      Result r = runWithInput("/top today 1\n/quit\n", args);
      assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
      assertThat(r.out()).as(String.join(" ", args)).contains("Top 1 — today (2024-06-07)")
          .contains("next Fri 7 Jun 2024, 09:00 KST (in ");
    }
    // a read-only subcommand, both orders, the same output
    Result after = run("export", "--date", "2024-06-07", "--db", db());
    Result before = run("--db", db(), "export", "--date", "2024-06-07");
    assertThat(before.code()).as(before.err()).isZero();
    assertThat(before.out()).isNotEmpty().isEqualTo(after.out());
    Result askBefore = run("--now", "2024-06-07", "--db", db(), "ask", "/top today 1");
    assertThat(askBefore.out()).isEqualTo(run("ask", "/top today 1", "--now", "2024-06-07", "--db", db()).out())
        .contains("Top 1 — today (2024-06-07)");
    // and on the nested subcommands
    Result list = run("--db", db(), "--now", "2024-06-07", "subscriptions", "list");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("console:local:console");
  }

  @Test
  @DisplayName("ingest and run warn about each file named for another date than its heading, naming the file and both dates")
  void misnamedFiles() throws IOException {
    Path inbox = dir.resolve("inbox");
    Files.createDirectories(inbox.resolve("2022/01"));
    // the seed of 2024-06-07 copied under two names that say other days, and once under its own
    Files.copy(SEEDS.resolve("2024-06-07.md"), inbox.resolve("2022-01-03.md"));
    Files.copy(SEEDS.resolve("2024-06-07.md"), inbox.resolve("2022/01/04.md"));
    Files.copy(SEEDS.resolve("2023-11-21.md"), inbox.resolve("20231121.md"));
    Result r = run("ingest", inbox.toString(), "--db", db());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err().lines()).containsExactly(
        "warning: " + inbox.resolve("2022-01-03.md") + ": named for 2022-01-03, but its heading says 2024-06-07; stored as 2024-06-07",
        "warning: " + inbox.resolve("2022/01/04.md") + ": named for 2022-01-04, but its heading says 2024-06-07; stored as 2024-06-07");
    assertThat(r.out()).isEqualTo("3 files, 2 days: 20 new, 0 updated, 9 unchanged, 0 removed entries; 0 refused; "
        + "2 named for another date than their heading\n");
    // run ingests its seeds the same way, and says so too
    Cli.Result seeds = Cli.runWithInput("/quit\n", Map.of("PAPERBOY_SEEDS", inbox.toString()), "run", "--db", db());
    assertThat(seeds.err()).contains("warning: " + inbox.resolve("2022-01-03.md") + ": named for 2022-01-03, but its heading says 2024-06-07");
  }

  @Test
  @DisplayName("preview prints the request bodies of a day's post for Discord and for Slack, every paper present")
  void preview() throws IOException {
    run("ingest", SEEDS.toString(), "--db", db());
    ObjectMapper json = new ObjectMapper();
    Result discord = run("preview", "--platform", "discord", "--date", "2024-06-07", "--db", db());
    assertThat(discord.code()).as(discord.err()).isZero();
    JsonNode bodies = json.readTree(discord.out());
    assertThat(bodies.isArray()).isTrue();
    assertThat(bodies.get(0).get("allowed_mentions").get("parse")).isEmpty();
    assertThat(discord.out()).contains("2406.04325").contains("2406.04314");
    Result slack = run("preview", "--platform", "slack", "--date", "2024-06-07", "--db", db());
    assertThat(slack.code()).as(slack.err()).isZero();
    JsonNode posts = json.readTree(slack.out());
    assertThat(posts.get(0).has("blocks")).isTrue();
    assertThat(posts.get(0).get("text").asText()).isNotBlank();
    assertThat(slack.out()).contains("2406.04325").contains("2406.04314");
    Result none = run("preview", "--platform", "slack", "--date", "2024-06-09", "--db", db());
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("no digest is stored for 2024-06-09; the nearest day with one is 2024-06-07");
    assertThat(run("preview", "--platform", "teams", "--date", "2024-06-07", "--db", db()).code()).isEqualTo(2);
    // without --date: the latest stored day, as the console's /preview
    Result latest = run("preview", "--platform", "discord", "--db", db());
    assertThat(latest.code()).as(latest.err()).isZero();
    assertThat(latest.out()).isEqualTo(discord.out());
  }

  @Test
  @DisplayName("a bad config value stops start-up naming the key and its source")
  void badConfig() throws IOException {
    Path config = dir.resolve("c.yml");
    Files.writeString(config, "timezone: Nowhere/Land\n");
    Result r = run("export", "--db", db(), "--config", config.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(config + ": timezone: `Nowhere/Land` is not an IANA time zone");
  }
}
