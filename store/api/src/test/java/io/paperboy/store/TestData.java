package io.paperboy.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Builds digests for tests: defaults for every field, overridable one at a time. */
public final class TestData {

  private TestData() {}

  public static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  public static Entry entry(int rank, String arxivId) {
    return new Entry(rank, arxivId);
  }

  public static Digest digest(String date, Entry... entries) {
    LocalDate d = day(date);
    List<DigestEntry> list = new ArrayList<>();
    for (Entry e : entries) {
      list.add(e.on(d));
    }
    return new Digest(d, list, "test:" + date);
  }

  /** A mutable description of one entry; {@link #on} makes the record for a given day. */
  public static final class Entry {
    private final int rank;
    private final String arxivId;
    private String title;
    private Optional<Integer> votes = Optional.empty();
    private List<String> authors = List.of("Ada Lovelace", "Alan Turing");
    private boolean authorsMore;
    private Optional<String> media = Optional.empty();
    private String summary;
    private String url;

    public Entry(int rank, String arxivId) {
      this.rank = rank;
      this.arxivId = arxivId;
      this.title = "Paper " + arxivId;
      this.summary = "- summary of " + arxivId;
      this.url = ArxivId.absUrl(arxivId);
    }

    public Entry title(String value) {
      title = value;
      return this;
    }

    public Entry votes(Integer value) {
      votes = Optional.ofNullable(value);
      return this;
    }

    public Entry authors(String... value) {
      authors = Arrays.asList(value);
      return this;
    }

    public Entry authors(List<String> value) {
      authors = value;
      return this;
    }

    /** Marks the author list as cut short by the digest (a lone {@code +} item). */
    public Entry authorsMore(boolean value) {
      authorsMore = value;
      return this;
    }

    public Entry media(String value) {
      media = Optional.ofNullable(value);
      return this;
    }

    public Entry summary(String value) {
      summary = value;
      return this;
    }

    public Entry url(String value) {
      url = value;
      return this;
    }

    public DigestEntry on(LocalDate date) {
      return new DigestEntry(date, rank, arxivId, title, url, votes, authors, authorsMore, media, summary);
    }
  }
}
