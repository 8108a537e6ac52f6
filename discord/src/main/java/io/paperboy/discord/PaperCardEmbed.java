package io.paperboy.discord;

import io.paperboy.core.format.AuthorList;
import io.paperboy.core.format.Latex;
import io.paperboy.core.message.Block.PaperCard;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * One paper as one Discord embed: the title linked to the abstract, the summary as the
 * description, votes / listing dates / links / authors as fields, the arXiv id in the footer and
 * the thumbnail as the image. Always within one embed's limits and the 6,000-character budget of
 * a whole message, so a card never has to be split.
 */
final class PaperCardEmbed {

  /** Hugging Face yellow, so cards are recognisable in a busy channel. */
  static final int COLOR = 0xFFD21E;

  private PaperCardEmbed() {}

  static MessageEmbed of(PaperCard card) {
    EmbedBuilder embed = new EmbedBuilder().setColor(COLOR);
    String title = card.rank().map(r -> "#" + r + " ").orElse("") + Latex.readable(card.title()).strip();
    embed.setTitle(DiscordText.fit(title, MessageEmbed.TITLE_MAX_LENGTH), validUrl(card.absUrl()).orElse(null));

    card.votes().ifPresent(v -> embed.addField("Votes", String.valueOf(v), true));
    if (!card.dates().isEmpty()) {
      embed.addField(card.dates().size() == 1 ? "Date" : "Dates", dates(card.dates()), true);
    }
    embed.addField("Links", links(card), true);
    if (!card.authors().isEmpty()) {
      String authors = DiscordMarkdown.escape(AuthorList.of(card));
      embed.addField("Authors", DiscordText.fit(authors, MessageEmbed.VALUE_MAX_LENGTH), false);
    }
    embed.setFooter("arXiv:" + card.arxivId());
    card.thumbnail().flatMap(PaperCardEmbed::validUrl).ifPresent(embed::setImage);

    // whatever the other parts take, the summary gets the rest of the message budget
    int budget = Math.min(MessageEmbed.DESCRIPTION_MAX_LENGTH, MessageEmbed.EMBED_MAX_LENGTH_BOT - embed.length());
    String summary = DiscordMarkdown.convert(card.summary());
    if (!summary.isEmpty()) {
      embed.setDescription(validUrl(card.absUrl())
          .map(url -> DiscordText.cutWithLink(summary, budget, url))
          .orElseGet(() -> DiscordText.fit(summary, budget)));
    }
    return embed.build();
  }

  private static String dates(List<LocalDate> dates) {
    String all = dates.stream().map(LocalDate::toString).collect(Collectors.joining(", "));
    return DiscordText.fit(all, MessageEmbed.VALUE_MAX_LENGTH);
  }

  private static String links(PaperCard card) {
    List<String> links = new ArrayList<>();
    links.add("[PDF](" + card.pdfUrl() + ")");
    links.add("[Hugging Face](" + card.huggingFaceUrl() + ")");
    // a video URL may be up to URL_MAX_LENGTH (2,000) long, a field value only 1,024: a link too
    // long for the field is left out rather than cut into a broken one
    card.video().flatMap(PaperCardEmbed::validUrl).map(v -> "[Video](" + v + ")")
        .filter(v -> String.join(" · ", links).length() + " · ".length() + v.length() <= MessageEmbed.VALUE_MAX_LENGTH)
        .ifPresent(links::add);
    return String.join(" · ", links);
  }

  /** Discord rejects the whole message for one bad URL; a malformed one is left out instead. */
  static Optional<String> validUrl(String url) {
    if (url.length() > MessageEmbed.URL_MAX_LENGTH || !EmbedBuilder.URL_PATTERN.matcher(url).matches()) {
      return Optional.empty();
    }
    return Optional.of(url);
  }
}
