package io.paperboy.scheduler.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Vote: and Authors: values")
class FieldValuesTest {

  @ParameterizedTest(name = "Vote: [{0}] -> {1}")
  @CsvSource(delimiter = '|', nullValues = "unknown", value = {
      "35|35", "0|0", " 7 |7", "1,234|1234", "1.234|1234", "1 234|1234", "12'345|12345", "1,234,567|1234567",
      "**35**|35", "-|unknown", "|unknown", "—|unknown", "many|unknown", "1,23|unknown", "12a|unknown",
      "3.5|unknown", "99999999999|unknown", "2147483647|2147483647", "2147483648|unknown"})
  void votes(String value, Integer expected) {
    assertThat(FieldValues.votes(value == null ? "" : value)).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  @DisplayName("comma-separated names are split and trimmed; empty and '+' entries dropped")
  void commaSeparated() {
    assertThat(FieldValues.authors("  Yu Qiao ,Feng Zhao,, Lin Chen , + ")).containsExactly("Yu Qiao", "Feng Zhao",
        "Lin Chen");
    assertThat(FieldValues.authors("")).isEmpty();
    assertThat(FieldValues.authors("Hangul 김철수, José Lezama")).containsExactly("Hangul 김철수", "José Lezama");
  }

  @Test
  @DisplayName("a lone '+' item, at the end or in the middle, marks the list as cut; other lists are complete")
  void cutLists() {
    assertThat(FieldValues.authorList("Gemini Team, Rohan Anil, Orhan Firat, +"))
        .isEqualTo(new FieldValues.AuthorNames(List.of("Gemini Team", "Rohan Anil", "Orhan Firat"), true));
    assertThat(FieldValues.authorList("Ge Zhang, Yu-Hsuan Tsai, Yizhi Li, +, Ruibin Yuan, Wenhu Chen"))
        .isEqualTo(new FieldValues.AuthorNames(
            List.of("Ge Zhang", "Yu-Hsuan Tsai", "Yizhi Li", "Ruibin Yuan", "Wenhu Chen"), true));
    assertThat(FieldValues.authorList("['A One', '+', 'B Two']").more()).isTrue();
    assertThat(FieldValues.authorList("A One, B+ Two, C++ Team").more()).as("'+' inside a name is no cut").isFalse();
    assertThat(FieldValues.authorList("A One, , …").more()).isFalse();
    assertThat(FieldValues.authorList("").more()).isFalse();
  }

  @Test
  @DisplayName("Python list literals: single and double quotes, escapes, an empty list")
  void listLiterals() {
    assertThat(FieldValues.authors("['Zihan Zhou', 'Zhixing Tan']")).containsExactly("Zihan Zhou", "Zhixing Tan");
    assertThat(FieldValues.authors("[\"Sean O'Brien\", 'D\\'Arcy, Jr.', 'A, B']"))
        .containsExactly("Sean O'Brien", "D'Arcy, Jr.", "A, B");
    assertThat(FieldValues.authors("[]")).isEmpty();
    assertThat(FieldValues.authors("[Unquoted One, Two]")).containsExactly("Unquoted One", "Two");
    assertThat(FieldValues.authors("['Unterminated]")).isEqualTo(List.of("Unterminated"));
  }
}
