package io.paperboy.bot.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.paperboy.bot.Paperboy;
import io.paperboy.store.DigestEntry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paperboy export [--date D]}: every stored entry as JSON Lines, ordered by date then rank. */
@Command(name = "export", description = "Print stored digest entries as JSON Lines (date, rank order).",
    mixinStandardHelpOptions = true)
final class ExportCommand implements Callable<Integer> {

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "only this day")
  LocalDate date;

  private final Launcher launcher;

  ExportCommand(Launcher launcher) {
    this.launcher = launcher;
  }

  /** One line of the export; the field set and order are a contract. */
  @JsonPropertyOrder({"date", "rank", "id", "title", "url", "votes", "authors", "authors_more", "media", "summary"})
  record Line(String date, int rank, String id, String title, String url, Integer votes, List<String> authors,
      @JsonProperty("authors_more") boolean authorsMore, String media, String summary) {

    static Line of(DigestEntry e) {
      return new Line(e.date().toString(), e.rank(), e.arxivId(), e.title(), e.url(), e.votes().orElse(null),
          e.authors(), e.authorsMore(), e.media().orElse(null), e.summary());
    }
  }

  @Override
  public Integer call() {
    ObjectWriter writer = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writer();
    PrintStream out = launcher.stdio().out();
    try (Paperboy app = launcher.openExisting()) {
      app.paperReading().papers().export(Optional.ofNullable(date), e -> {
        try {
          out.println(writer.writeValueAsString(Line.of(e)));
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      });
    }
    out.flush();
    return ExitCodes.DONE;
  }
}
