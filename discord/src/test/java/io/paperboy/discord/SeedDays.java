package io.paperboy.discord;

import io.paperboy.core.message.Block.PaperCard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the real sample days (from {@code paperboy.sharedSeeds} / {@code paperboy.projectSeeds},
 * never copied into the repository) into paper cards, just well enough to feed the renderer. A
 * test-side reader: the digest parser proper lives in the scheduler.
 */
final class SeedDays {

  private static final Pattern DATE = Pattern.compile("^## Daily Papers \\((\\d{4}-\\d{2}-\\d{2})\\)");
  private static final Pattern PAPER = Pattern.compile("^### \\[(.*)]\\((https?://\\S+?)\\)\\s*$");
  private static final Pattern ARXIV = Pattern.compile("(\\d{4}\\.\\d{4,5})");
  private static final Pattern IMAGE = Pattern.compile("^!\\[[^]]*]\\((\\S+)\\)\\s*$");
  private static final Pattern VIDEO = Pattern.compile("^\\[Watch Video]\\((\\S+)\\)\\s*$");

  private SeedDays() {}

  /** The seed files found under the configured folders, or none when they are absent. */
  static List<Path> available() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String property : new String[] {"paperboy.sharedSeeds", "paperboy.projectSeeds"}) {
      String dir = System.getProperty(property);
      if (dir != null && Files.isDirectory(Path.of(dir))) {
        try (Stream<Path> s = Files.list(Path.of(dir))) {
          s.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.md")).sorted().forEach(files::add);
        }
      }
    }
    return files;
  }

  static LocalDate date(Path file) {
    return LocalDate.parse(file.getFileName().toString().substring(0, 10));
  }

  static List<PaperCard> read(Path file) throws IOException {
    List<String> lines = Arrays.asList(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1));
    LocalDate day = date(file);
    List<PaperCard> cards = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      Matcher paper = PAPER.matcher(lines.get(i));
      if (!paper.matches()) {
        i++;
        continue;
      }
      String title = paper.group(1);
      String url = paper.group(2);
      Optional<String> thumbnail = Optional.empty();
      Optional<String> video = Optional.empty();
      Optional<Integer> votes = Optional.empty();
      List<String> authors = List.of();
      StringBuilder summary = new StringBuilder();
      for (i++; i < lines.size() && !lines.get(i).startsWith("### ") && !DATE.matcher(lines.get(i)).find(); i++) {
        String line = lines.get(i);
        Matcher m;
        if ((m = IMAGE.matcher(line)).matches()) {
          thumbnail = Optional.of(m.group(1));
        } else if ((m = VIDEO.matcher(line)).matches()) {
          video = Optional.of(m.group(1));
        } else if (line.startsWith("Vote:")) {
          String v = line.substring(5).strip();
          votes = v.matches("\\d+") ? Optional.of(Integer.parseInt(v)) : Optional.empty();
        } else if (line.startsWith("Authors:")) {
          authors = Arrays.stream(line.substring(8).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        } else if (!line.startsWith("<div>")) {
          summary.append(line).append('\n');
        }
      }
      Matcher id = ARXIV.matcher(url);
      String arxivId = id.find() ? id.group(1) : url;
      cards.add(new PaperCard(arxivId, title, url, summary.toString().strip(), votes, authors, thumbnail, video,
          List.of(day), Optional.of(cards.size() + 1)));
    }
    return cards;
  }
}
