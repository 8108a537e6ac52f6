package io.paperboy.store.alert;

import io.paperboy.store.ChannelRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What one alert delivery posts: the papers that matched for one target from one ingest.
 *
 * @param target  where it goes (a channel or a user's direct messages)
 * @param key     the outbox key of its delivery row
 * @param papers  the matching papers with why they matched, in rank order
 * @param mention the one user or role it may ping
 */
public record AlertBatch(ChannelRef target, String key, List<Item> papers, Optional<String> mention) {

  public AlertBatch {
    papers = List.copyOf(papers);
  }

  /**
   * One matching paper.
   *
   * @param arxivId the paper
   * @param date    the digest day that brought it
   * @param hits    why it matched, e.g. {@code 확산 in summary}
   */
  public record Item(String arxivId, LocalDate date, List<String> hits) {
    public Item {
      hits = List.copyOf(hits);
    }
  }
}
