package io.paperboy.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Snapshots: rendered JSON against reviewed files")
class SnapshotsTest {

  private final Snapshots snapshots = Snapshots.in("snapshots-test");

  @Test
  @DisplayName("the same JSON value matches, whatever the key order and whitespace")
  void sameValue() {
    assertThatCode(() -> snapshots.assertMatches("sample.json",
        "[{\"embeds\":[{\"color\":1,\"title\":\"one\"}],\"content\":\"hello\"}]")).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("a changed value fails, naming the snapshot, the property that rewrites it, and the differing line")
  void changedValue() {
    assertThatThrownBy(() -> snapshots.assertMatches("sample.json",
        "[{\"content\":\"hello\",\"embeds\":[{\"title\":\"two\",\"color\":1}]}]"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("snapshot snapshots-test/sample.json")
        .hasMessageContaining("-Dpaperboy.updateSnapshots=true")
        .hasMessageContaining("snapshot: \"title\" : \"one\"")
        .hasMessageContaining("rendered: \"title\" : \"two\"");
  }

  @Test
  @DisplayName("a missing snapshot fails with how to create it; rendered text that is not JSON fails too")
  void missingOrBroken() {
    assertThatThrownBy(() -> snapshots.assertMatches("absent.json", "{}"))
        .hasMessageContaining("no snapshot snapshots-test/absent.json").hasMessageContaining("create it with");
    assertThatThrownBy(() -> snapshots.assertMatches("sample.json", "{not json"))
        .hasMessageContaining("is not JSON");
  }
}
