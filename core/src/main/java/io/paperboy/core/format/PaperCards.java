package io.paperboy.core.format;

import io.paperboy.core.message.Block;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Paper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Turns stored entries and papers into paper cards. */
public final class PaperCards {

  private PaperCards() {}

  /** A card for one day's entry, as that day listed it. */
  public static Block.PaperCard of(DigestEntry e) {
    return new Block.PaperCard(e.arxivId(), e.title(), e.url(), e.summary(), e.votes(), e.authors(), e.authorsMore(),
        e.hasVideo() ? Optional.empty() : e.media(), e.hasVideo() ? e.media() : Optional.empty(),
        List.of(e.date()), Optional.of(e.rank()));
  }

  /** A card for a paper's latest view, with every date it appeared. */
  public static Block.PaperCard of(Paper p) {
    boolean video = p.media().map(DigestEntry::isVideoUrl).orElse(false);
    return new Block.PaperCard(p.arxivId(), p.title(), p.url(), p.summary(), p.votes(), p.authors(), p.authorsMore(),
        video ? Optional.empty() : p.media(), video ? p.media() : Optional.empty(), p.dates(), Optional.empty());
  }

  /** {@code ▲ 35 votes · 2024-06-07}, the card's small print. */
  public static String smallPrint(Block.PaperCard card) {
    StringBuilder sb = new StringBuilder();
    sb.append(card.votes().map(v -> "▲ " + v + (v == 1 ? " vote" : " votes")).orElse("▲ votes unknown"));
    card.rank().ifPresent(r -> sb.append(" · #").append(r));
    if (!card.dates().isEmpty()) {
      sb.append(" · ").append(dates(card.dates()));
    }
    return sb.toString();
  }

  private static String dates(List<LocalDate> dates) {
    if (dates.size() <= 3) {
      return String.join(", ", dates.stream().map(LocalDate::toString).toList());
    }
    return dates.get(0) + " … " + dates.get(dates.size() - 1) + " (" + dates.size() + " days)";
  }
}
