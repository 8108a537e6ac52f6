package io.paperboy.store.sqlite.papers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.store.StoreException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Rows: a paper's dates from their unordered aggregate, its authors from JSON")
class RowsTest {

  @Test
  @DisplayName("dates come oldest first whatever order the aggregate gave them in")
  void datesSorted() {
    assertThat(Rows.dates("2024-06-08,2023-12-31,2024-06-07")).containsExactly(LocalDate.of(2023, 12, 31),
        LocalDate.of(2024, 6, 7), LocalDate.of(2024, 6, 8));
    assertThat(Rows.dates("2024-02-29")).containsExactly(LocalDate.of(2024, 2, 29));
    assertThat(Rows.dates(null)).isEmpty();
    assertThat(Rows.dates("")).isEmpty();
  }

  @Test
  @DisplayName("a stored date that is not yyyy-mm-dd is a clear store error, not a silent wrong date")
  void malformed() {
    assertThatThrownBy(() -> Rows.dates("2024-6-7")).isInstanceOf(StoreException.class).hasMessageContaining("2024-6-7");
    assertThatThrownBy(() -> Rows.dates("2024-02-30")).isInstanceOf(StoreException.class).hasMessageContaining("2024-02-30");
    assertThatThrownBy(() -> Rows.dates("2024-06-07,2024/06/08")).isInstanceOf(StoreException.class)
        .hasMessageContaining("2024/06/08");
  }

  @Test
  @DisplayName("authors read back exactly as written, plain lists without the JSON parser, the rest with it")
  void authorsRoundTrip() {
    List<List<String>> lists = List.of(List.of(), List.of("Ada Lovelace"), List.of("Ada Lovelace", "Alan Turing"),
        List.of("김철수", "Lee, Bo"), List.of("O\"Brien", "back\\slash"), List.of("tab\there", "new\nline"),
        List.of("[bracket]", "\"", ""), List.of("", ""));
    for (List<String> authors : lists) {
      assertThat(Rows.authors(Rows.authorsJson(authors))).as(authors.toString()).containsExactlyElementsOf(authors);
    }
    assertThat(Rows.plainStringArray("[\"Ada\",\"Bo Lee\"]")).containsExactly("Ada", "Bo Lee");
    // what the plain reader does not take is left to the parser
    assertThat(Rows.plainStringArray("[\"a\\\"b\"]")).isNull();
    assertThat(Rows.plainStringArray("[ \"a\" ]")).isNull();
    assertThat(Rows.plainStringArray("[\"a\",]")).isNull();
    assertThat(Rows.plainStringArray("[\"a\"\"b\"]")).isNull();
    assertThat(Rows.plainStringArray("[1]")).isNull();
    assertThat(Rows.authors("[ \"a\" , \"b\" ]")).containsExactly("a", "b");
    assertThatThrownBy(() -> Rows.authors("not json")).isInstanceOf(StoreException.class).hasMessageContaining("not json");
  }
}
