package io.paperboy.scheduler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DigestSourcesTest {

  private final HttpClient client = HttpClient.newHttpClient();
  private final LineDigestReader reader = new LineDigestReader();
  private final Duration timeout = Duration.ofSeconds(10);

  private List<DigestSource> parse(String... specs) {
    return DigestSources.parse(List.of(specs), reader, client, timeout);
  }

  @Test
  @DisplayName("each kind of spec builds its source, in the order given")
  void parsesEveryKind() {
    List<DigestSource> sources = parse("folder:seeds", "http:https://h.example/{yyyy}/{MM}/{dd}.md",
        "https://h.example/{date}.md", "hf", "hf:https://mirror.example/", " folder: data/inbox ");

    assertThat(sources).extracting(DigestSource::name).containsExactly("folder:seeds",
        "http:https://h.example/{yyyy}/{MM}/{dd}.md", "http:https://h.example/{date}.md", "hf:https://huggingface.co",
        "hf:https://mirror.example", "folder:data/inbox");
    assertThat(sources).extracting(s -> s.getClass().getSimpleName()).containsExactly("FolderSource",
        "HttpTemplateSource", "HttpTemplateSource", "HuggingFaceSource", "HuggingFaceSource", "FolderSource");
    assertThat(((HttpTemplateSource) sources.get(1)).url(LocalDate.of(2024, 6, 7)))
        .hasToString("https://h.example/2024/06/07.md");
  }

  @Test
  @DisplayName("the defaults are the seeds and inbox folders")
  void defaults() {
    assertThat(DigestSources.parse(DigestSources.DEFAULT_SPECS, reader, client, timeout))
        .extracting(DigestSource::name).containsExactly("folder:seeds", "folder:data/inbox");
  }

  @Test
  @DisplayName("bad specs are refused with their position, the spec and the accepted forms")
  void refusesBadSpecs() {
    assertThatThrownBy(() -> parse("folder:seeds", "seeds"))
        .hasMessageStartingWith("digest source #2: 'seeds' has no kind").hasMessageContaining("folder:PATH");
    assertThatThrownBy(() -> parse("ftp:host/x")).hasMessageContaining("unknown kind 'ftp'");
    assertThatThrownBy(() -> parse("folder:")).hasMessageContaining("folder path missing");
    assertThatThrownBy(() -> parse("http:")).hasMessageContaining("URL template missing");
    assertThatThrownBy(() -> parse("http:https://h.example/{day}.md")).hasMessageContaining("unknown placeholder {day}");
    assertThatThrownBy(() -> parse("hf:ftp://h.example")).hasMessageContaining("http:// or https://");
    assertThatThrownBy(() -> parse("  ")).hasMessageContaining("empty spec");
  }
}
