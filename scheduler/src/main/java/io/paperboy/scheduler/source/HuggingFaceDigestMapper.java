package io.paperboy.scheduler.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.store.ArxivId;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a {@code /api/daily_papers} response to a digest. Field names follow the Hub's OpenAPI
 * description: per item {@code paper.id}, {@code paper.title}, {@code paper.upvotes},
 * {@code paper.authors[].name} / {@code .hidden}, {@code paper.summary} (the abstract),
 * {@code paper.ai_summary}, and top-level {@code title}, {@code thumbnail}. Unknown fields are
 * ignored; an item without a usable arXiv id or title refuses the whole response, because a
 * digest is stored all or nothing.
 */
final class HuggingFaceDigestMapper {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An item that cannot become an entry; {@code path} is a JSON path such as {@code [3].paper.id}. */
  private static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    Refusal(String path, String problem) {
      super(path + ": " + problem, null, false, false);
    }
  }

  private record Item(String id, String title, Optional<Integer> votes, Authors authors,
      Optional<String> media, String summary) {}

  /** The names the API shows, and whether it hid some ({@code hidden: true}): then the list is not complete. */
  private record Authors(List<String> names, boolean more) {}

  private HuggingFaceDigestMapper() {}

  static FetchResult map(String origin, LocalDate date, byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      return new FetchResult.Failed(origin + ": malformed JSON" + where + ": " + e.getOriginalMessage()
          + " (may be a proxy's error page or a cut-off answer; will ask again)", true);
    } catch (IOException e) {
      return new FetchResult.Failed(origin + ": unreadable JSON: " + e.getMessage(), true);
    }
    if (root == null || root.isMissingNode()) {
      return new FetchResult.Failed(origin + ": empty body where a JSON array of papers was expected", true);
    }
    if (!root.isArray()) {
      return new FetchResult.Failed(origin + ": expected a JSON array of papers, got " + kind(root)
          + " (will ask again)", true);
    }
    if (root.isEmpty()) {
      return new FetchResult.NotYet(origin + ": no papers listed for " + date + " yet");
    }
    List<Item> items = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    try {
      for (int i = 0; i < root.size(); i++) {
        Item item = item(i, root.get(i));
        Integer before = seen.putIfAbsent(item.id(), i);
        if (before != null) {
          throw new Refusal("[" + i + "].paper.id", item.id() + " is listed already at [" + before + "]");
        }
        items.add(item);
      }
    } catch (Refusal r) {
      return new FetchResult.Failed(origin + ": " + r.getMessage()
          + "; a digest is all or nothing, so the whole response is refused", false);
    }
    // List.sort is stable: equal votes keep the API's order; papers without votes go last
    items.sort(Comparator.comparingInt((Item it) -> it.votes().orElse(-1)).reversed());
    List<DigestEntry> entries = new ArrayList<>(items.size());
    for (Item it : items) {
      entries.add(new DigestEntry(date, entries.size() + 1, it.id(), it.title(), ArxivId.absUrl(it.id()),
          it.votes(), it.authors().names(), it.authors().more(), it.media(), it.summary()));
    }
    return new FetchResult.Found(new Digest(date, entries, origin), origin);
  }

  private static Item item(int index, JsonNode node) throws Refusal {
    String at = "[" + index + "]";
    if (node == null || !node.isObject()) {
      throw new Refusal(at, "expected an object, got " + kind(node));
    }
    JsonNode paper = node.path("paper");
    if (!paper.isObject()) {
      throw new Refusal(at + ".paper", paper.isMissingNode() ? "missing" : "expected an object, got " + kind(paper));
    }
    JsonNode idNode = paper.has("id") ? paper.get("id") : node.path("id");
    if (!idNode.isTextual()) {
      throw new Refusal(at + ".paper.id", idNode.isMissingNode() ? "missing" : "expected a string, got " + kind(idNode));
    }
    String id = ArxivId.parse(idNode.asText()).orElseThrow(
        () -> new Refusal(at + ".paper.id", "'" + idNode.asText() + "' is not an arXiv id"));
    String title = text(paper.path("title")).or(() -> text(node.path("title")))
        .map(HuggingFaceDigestMapper::oneLine)
        .orElseThrow(() -> new Refusal(at + ".paper.title", "missing (and no top-level title either)"));
    String summary = text(paper.path("ai_summary")).or(() -> text(paper.path("summary")))
        .or(() -> text(node.path("summary"))).map(HuggingFaceDigestMapper::unwrap).orElse("");
    return new Item(id, title, votes(at, paper.path("upvotes")), authors(at, paper.path("authors")),
        text(node.path("thumbnail")).map(String::strip), summary);
  }

  private static Optional<Integer> votes(String at, JsonNode node) throws Refusal {
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    // the API describes upvotes as a number; accept 12 and 12.0, refuse anything that is not a count
    if (!node.isNumber() || node.doubleValue() != Math.rint(node.doubleValue()) || node.doubleValue() < 0
        || node.doubleValue() > Integer.MAX_VALUE) {
      throw new Refusal(at + ".paper.upvotes", "'" + node + "' is not a vote count");
    }
    return Optional.of((int) node.doubleValue());
  }

  private static Authors authors(String at, JsonNode node) throws Refusal {
    if (node.isMissingNode() || node.isNull()) {
      return new Authors(List.of(), false);
    }
    if (!node.isArray()) {
      throw new Refusal(at + ".paper.authors", "expected an array, got " + kind(node));
    }
    List<String> names = new ArrayList<>();
    boolean more = false;
    for (int i = 0; i < node.size(); i++) {
      JsonNode author = node.get(i);
      Optional<String> name;
      if (author.isTextual()) {
        name = text(author);
      } else if (author.isObject()) {
        if (author.path("hidden").asBoolean(false)) {
          more = true;
          continue;
        }
        name = text(author.path("name"));
      } else {
        throw new Refusal(at + ".paper.authors[" + i + "]", "expected an object, got " + kind(author));
      }
      name.map(HuggingFaceDigestMapper::oneLine).ifPresent(names::add);
    }
    return new Authors(names, more);
  }

  private static Optional<String> text(JsonNode node) {
    return node != null && node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
  }

  private static String oneLine(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  /**
   * Abstracts arrive hard-wrapped at ~80 columns. Chat platforms show every newline, so single line
   * breaks become spaces; blank lines stay as paragraph breaks.
   */
  private static String unwrap(String s) {
    String text = s.replace("\r\n", "\n").replace('\r', '\n').strip();
    String[] paragraphs = text.split("\\n[ \\t]*\\n\\s*");
    List<String> out = new ArrayList<>(paragraphs.length);
    for (String p : paragraphs) {
      out.add(p.strip().replaceAll("[ \\t]*\\n[ \\t]*", " "));
    }
    return String.join("\n\n", out);
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    String type = node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    return node.isValueNode() ? type + " " + abbreviate(node.toString()) : "an " + type;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
