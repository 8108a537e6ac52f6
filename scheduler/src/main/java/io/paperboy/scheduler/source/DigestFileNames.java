package io.paperboy.scheduler.source;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The dates a digest file's name carries: {@code 2024-06-07.md}, {@code 20240607.md},
 * {@code 2024/06/07.md}, or any {@code .md} file inside {@code 2024/06/07/}. {@link FolderSource}
 * finds a day's file by them; the ingest compares them with the date inside the file, so a file
 * named for one day that holds another is said, not silently stored under the other.
 */
public final class DigestFileNames {

  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");

  private DigestFileNames() {}

  /** The dates {@code file} is named for (the file name's own first), empty for a name without one. */
  public static Set<LocalDate> datesOf(Path file) {
    List<String> segments = new ArrayList<>();
    file.forEach(p -> segments.add(p.toString()));
    return datesOf(segments);
  }

  /**
   * As {@link #datesOf(Path)} for a file path or URL as sources report it ({@code origin}):
   * {@code https://host/2024/06/07.md?ref=main} names 2024-06-07.
   */
  public static Set<LocalDate> datesOf(String location) {
    String path = location.replaceFirst("[?#].*$", "");
    return datesOf(List.of(path.split("[/\\\\]+")));
  }

  private static Set<LocalDate> datesOf(List<String> segments) {
    Set<LocalDate> dates = new LinkedHashSet<>();
    int n = segments.size();
    if (n == 0 || !segments.get(n - 1).toLowerCase(Locale.ROOT).endsWith(".md")) {
      return dates;
    }
    String base = segments.get(n - 1);
    String stem = base.substring(0, base.length() - ".md".length());
    date(ISO, stem, dates);
    date(COMPACT, stem, dates);
    if (n >= 3) {
      ymd(segments.get(n - 3), segments.get(n - 2), stem, dates);
    }
    if (n >= 4) {
      ymd(segments.get(n - 4), segments.get(n - 3), segments.get(n - 2), dates);
    }
    return dates;
  }

  private static void date(Pattern shape, String text, Set<LocalDate> into) {
    var m = shape.matcher(text);
    if (m.matches()) {
      ymd(m.group(1), m.group(2), m.group(3), into);
    }
  }

  private static void ymd(String year, String month, String day, Set<LocalDate> into) {
    if (YEAR.matcher(year).matches() && TWO_DIGITS.matcher(month).matches() && TWO_DIGITS.matcher(day).matches()) {
      try {
        into.add(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
      } catch (DateTimeException e) {
        // 2024/13/45: digits in the shape of a date, but not one
      }
    }
  }
}
