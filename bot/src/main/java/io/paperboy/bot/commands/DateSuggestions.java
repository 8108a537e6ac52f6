package io.paperboy.bot.commands;

import io.paperboy.store.PaperStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Autocomplete for date options: the keywords, then the newest days that have digests. */
final class DateSuggestions {

  /** Discord shows at most 25 choices. */
  static final int MAX = 25;

  private DateSuggestions() {}

  static List<String> suggest(PaperStore store, String option, String prefix, List<String> keywords) {
    String p = prefix == null ? "" : prefix.trim().toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (String k : keywords) {
      if (k.startsWith(p)) {
        out.add(k);
      }
    }
    List<LocalDate> dates = store.digestDates();
    for (int i = dates.size() - 1; i >= 0 && out.size() < MAX; i--) {
      String d = dates.get(i).toString();
      if (d.startsWith(p)) {
        out.add(d);
      }
    }
    return out;
  }
}
