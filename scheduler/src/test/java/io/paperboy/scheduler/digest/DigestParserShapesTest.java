package io.paperboy.scheduler.digest;

import static io.paperboy.scheduler.digest.Fixtures.bytes;
import static io.paperboy.scheduler.digest.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DigestParser reads every digest shape")
class DigestParserShapesTest {

  private static final String THUMBS = "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/";
  private static final String UPLOADS = "https://cdn-uploads.huggingface.co/production/uploads/";

  private final DigestParser parser = new DigestParser();

  private Digest parse(String fixture) throws DigestRejectedException {
    return parser.parse(fixture, bytes(fixture));
  }

  /** The entry with its author list marked cut, as a lone {@code +} marks it. */
  private static DigestEntry cut(DigestEntry e) {
    return new DigestEntry(e.date(), e.rank(), e.arxivId(), e.title(), e.url(), e.votes(), e.authors(), true,
        e.media(), e.summary());
  }

  private static DigestEntry entry(String date, int rank, String id, String title, String url, Integer votes,
      List<String> authors, String media, String summary) {
    return new DigestEntry(LocalDate.parse(date), rank, id, title, url, Optional.ofNullable(votes), authors,
        Optional.ofNullable(media), summary);
  }

  private static final List<DigestEntry> REFERENCE = List.of(
      entry("2024-06-07", 1, "2406.04325",
          "ShareGPT4Video: Improving Video Understanding and Generation with Better Captions",
          "https://arxiv.org/abs/2406.04325", 35, List.of("Yu Qiao", "Feng Zhao", "Lin Chen"),
          THUMBS + "2406.04325.png",
          "- 비디오 캡션의 밀도와 정밀도를 높여 이해와 생성을 함께 개선한다.\n"
              + "- 캡션 모델 **ShareCaptioner-Video**와 `40K` 데이터셋을 공개한다."),
      entry("2024-06-07", 2, "2406.04333", "BitsFusion: 1.99 bits Weight Quantization of Diffusion Model",
          "https://arxiv.org/abs/2406.04333", 16, List.of("Junli Cao", "Yerlan Idelbayev"),
          THUMBS + "2406.04333.png", "- 확산 모델의 UNet 가중치를 1.99비트로 양자화한다."));

  @Test
  @DisplayName("reference shape: thumbnail, Vote, Authors, bullets")
  void referenceShape() throws Exception {
    Digest digest = parse("reference.md");

    assertThat(digest.date()).isEqualTo(LocalDate.of(2024, 6, 7));
    assertThat(digest.source()).isEqualTo("reference.md");
    assertThat(digest.entries()).containsExactlyElementsOf(REFERENCE);
  }

  @Test
  @DisplayName("a file path names the digest's source")
  void pathIsSource() throws Exception {
    Digest digest = parser.parse(Fixtures.path("reference.md"));

    assertThat(digest.source()).isEqualTo(Fixtures.path("reference.md").toString());
    assertThat(digest.entries()).containsExactlyElementsOf(REFERENCE);
  }

  @Test
  @DisplayName("early shape: no thumbnail/Vote/Authors, no blank lines, nested bullets, no final newline")
  void earlyCompactShape() throws Exception {
    assertThat(parse("early-compact.md").entries()).containsExactly(
        entry("2023-11-21", 1, "2311.10122",
            "Video-LLaVA: Learning United Visual Representation by Alignment Before Projection",
            "https://arxiv.org/abs/2311.10122", null, List.of(), null,
            "- 이미지와 비디오를 하나의 표현 공간으로 정렬한다.\n- 네 가지 특징:\n  - (1) 범용 프레임워크.\n  - (2) 모델 통합."),
        entry("2023-11-21", 2, "2311.10709",
            "Emu Video: Factorizing Text-to-Video Generation by Explicit Image Conditioning",
            "https://arxiv.org/abs/2311.10709", 7, List.of("Rohit Girdhar", "Mannat Singh"),
            UPLOADS + "emu.png", "- 이미지를 먼저 만들고 그 이미지로 비디오를 만든다."),
        entry("2023-11-21", 3, "2311.10642",
            "Rethinking Attention: Exploring Shallow Feed-Forward Neural Networks",
            "https://arxiv.org/abs/2311.10642", null, List.of(), null, "- 마지막 줄에는 줄바꿈이 없다."));
  }

  @Test
  @DisplayName("video shape: [Watch Video](mp4) is the media, the <div><video> line is not summary")
  void videoShape() throws Exception {
    assertThat(parse("video.md").entries()).containsExactly(
        entry("2023-11-22", 1, "2311.12052",
            "MagicDance: Realistic Human Dance Video Generation with Motions & Facial Expressions Transfer",
            "https://arxiv.org/abs/2311.12052", null, List.of("Di Chang", "Yichun Shi"),
            UPLOADS + "60f1/QPqDX.mp4", "- 얼굴 표정과 동작을 함께 옮기는 확산 모델이다."),
        entry("2023-11-22", 2, "2311.12092", "Concept Sliders: LoRA Adaptors for Precise Control in Diffusion Models",
            "https://arxiv.org/abs/2311.12092", 3, List.of("Rohit Gandikota"), UPLOADS + "60f1/HQ878.mp4",
            "- 비디오 줄 바로 뒤에 빈 줄 없이 필드가 온다."),
        entry("2023-11-22", 3, "2311.12024",
            "PF-LRM: Pose-Free Large Reconstruction Model for Joint Pose and Shape Prediction",
            "https://arxiv.org/abs/2311.12024", null, List.of(), UPLOADS + "60f1/PNft.webm",
            "- 비디오 HTML 줄만 있다."));
    assertThat(parse("video.md").entries()).allSatisfy(e -> assertThat(e.hasVideo()).isTrue());
  }

  @Test
  @DisplayName("'Vote: -' is unknown, not zero; 'Vote: 0' is zero; a trailing '+' author is no name but marks the list cut")
  void voteDash() throws Exception {
    assertThat(parse("vote-dash.md").entries()).containsExactly(
        entry("2023-12-12", 1, "2312.06353", "Federated Full-Parameter Tuning of Billion-Sized Language Models "
                + "with Communication Cost under 18 Kilobytes", "https://arxiv.org/abs/2312.06353", null,
            List.of("Zhen Qin", "Daoyuan Chen"), UPLOADS + "60f1/LkJz.png", "- 투표 수를 모르는 항목이다."),
        cut(entry("2023-12-12", 2, "2312.06134",
            "Order Matters in the Presence of Dataset Imbalance for Multilingual Learning",
            "https://arxiv.org/abs/2312.06134", 0, List.of("Dami Choi", "Derrick Xin"), UPLOADS + "60f1/EcwW.png",
            "- 투표 수가 0인 항목이다.")));
  }

  @Test
  @DisplayName("two headings of one date: the second list continues the ranks; Python-list authors")
  void twoHeadingsSameDate() throws Exception {
    assertThat(parse("two-headings.md").entries()).containsExactly(
        entry("2024-10-18", 1, "2410.09342",
            "LLMtimesMapReduce: Simplified Long-Sequence Processing using Large Language Models",
            "https://arxiv.org/abs/2410.09342", 34, List.of("Zihan Zhou", "Zhixing Tan", "Sean O'Brien"),
            THUMBS + "2410.09342.png", "- 첫째 목록의 첫 논문."),
        entry("2024-10-18", 2, "2410.13198", "Failing Forward: Improving Generative Error Correction for ASR "
                + "with Synthetic Data and Retrieval Augmentation", "https://arxiv.org/abs/2410.13198", 1,
            List.of("Jian Xue", "Michael Levit"), THUMBS + "2410.13198.png", "- 첫째 목록의 둘째 논문."),
        entry("2024-10-18", 3, "2410.11843", "From Commands to Prompts: LLM-based Semantic File System for AIOS",
            "https://arxiv.org/abs/2410.11843", 0, List.of(), THUMBS + "2410.11843.png",
            "- 둘째 목록이 같은 날을 잇는다."));
  }

  @Test
  @DisplayName("***What's New*** labelled bullets stay as written")
  void whatsNewLabels() throws Exception {
    assertThat(parse("whats-new.md").entries()).containsExactly(
        entry("2025-03-04", 1, "2503.01785", "Visual-RFT: Visual Reinforcement Fine-Tuning",
            "https://arxiv.org/abs/2503.01785", 43, List.of("Zeyi Sun", "Ziyu Liu"), THUMBS + "2503.01785.png",
            """
            - ***What's New***: 강화 학습 기반 파인 튜닝을 LVLM에 적용한다.
            - ***Technical Details***: 규칙 기반의 검증 가능한 보상 함수(verifiable reward functions)를 쓴다.
            - ***Performance Highlights***: Few-shot 객체 인식에서 성능이 크게 오른다."""));
  }

  @Test
  @DisplayName("numbered lists (1. and 1)) and plain paragraphs keep their structure")
  void numberedListsAndParagraphs() throws Exception {
    assertThat(parse("numbered-paragraphs.md").entries()).containsExactly(
        entry("2024-08-15", 1, "2408.07410", "Aquila2 Technical Report", "https://arxiv.org/abs/2408.07410", 5,
            List.of("Zhengduo Zhang", "Shuhao Gu"), THUMBS + "2408.07410.png",
            """
            - **What's New**: 이중언어 모델 시리즈를 소개한다.
            - **Technical Details**: 다음과 같은 특징이 있다:
            1. **Tokenizer**: BPE 토크나이저를 쓴다.
            2. **GQA**: 그룹 쿼리 어텐션을 쓴다.
            - **Performance Highlights**: 여러 데이터셋에서 앞선다."""),
        entry("2024-08-15", 2, "2408.07116", "Generative Photomontage", "https://arxiv.org/abs/2408.07116", 10,
            List.of("Jun-Yan Zhu", "Sean J. Liu"), THUMBS + "2408.07116.png",
            """
            이 논문은 여러 생성 이미지를 합성하는 방법을 제안한다.
            두 번째 줄도 같은 문단이다.

            두 번째 문단은 결과를 요약한다.

            1) 첫째 단계.
            2) 둘째 단계."""));
  }

  @Test
  @DisplayName("titles keep [IDK], &, $\\times$ and Hangul exactly as written")
  void oddTitles() throws Exception {
    assertThat(parse("odd-titles.md").entries()).containsExactly(
        entry("2024-12-20", 1, "2412.06676", "I Don't Know: Explicit Modeling of Uncertainty with an [IDK] Token",
            "https://arxiv.org/abs/2412.06676", 9, List.of("Roi Cohen", "Konstantin Dobler"), null,
            "- 대괄호가 든 제목."),
        entry("2024-12-20", 2, "2410.09342", "LLM$\\times$MapReduce: Simplified Long-Sequence Processing & More",
            "https://arxiv.org/abs/2410.09342", 8, List.of("Zihan Zhou"), null, "- LaTeX와 앰퍼샌드가 든 제목."),
        entry("2024-12-20", 3, "2412.01111", "한국어 제목: 거대 언어 모델의 평가", "https://arxiv.org/abs/2412.01111", 7,
            List.of("김철수", "이영희"), null, "- 한글 제목과 한글 저자."));
  }

  @Test
  @DisplayName("a stray TAB in a summary is kept as it is")
  void tabInSummary() throws Exception {
    assertThat(parse("tab-summary.md").entries()).containsExactly(
        entry("2024-03-01", 1, "2403.00001", "Stray Control Characters in a Summary",
            "https://arxiv.org/abs/2403.00001", 2, List.of("Ada Lovelace"), null,
            "- 표기 \textit{강조}가 탭으로 바뀌었다.\n- 둘째 줄."));
  }

  @Test
  @DisplayName("/pdf/ and v2 URLs name the versionless id; the URL stays as listed")
  void pdfAndVersionUrls() throws Exception {
    assertThat(parse("pdf-v2.md").entries()).containsExactly(
        entry("2024-02-02", 1, "2402.00011", "A Paper Listed by Its PDF", "https://arxiv.org/pdf/2402.00011.pdf", 4,
            List.of(), null, "- PDF 주소로 실린 논문."),
        entry("2024-02-02", 2, "2402.00022", "A Paper Listed with a Version", "https://arxiv.org/abs/2402.00022v2",
            3, List.of(), null, "- 버전이 붙은 주소로 실린 논문."));
  }

  @Test
  @DisplayName("liberal: fields in another order, extra spaces, 1,234 votes, preamble, rules, h4 in a summary")
  void liberalVariants() throws Exception {
    assertThat(parse("liberal.md").entries()).containsExactly(
        entry("2024-05-05", 1, "2405.00001", "Fields in Another Order", "https://arxiv.org/abs/2405.00001", 1234,
            List.of("Grace Hopper", "Alan Turing"), THUMBS + "2405.00001.png",
            "- 필드 순서가 다르다.\n\n#### 세부 사항\n\n- 요약 안의 작은 제목."),
        entry("2024-05-05", 2, "2405.00002", "Clickable Thumbnail", "https://arxiv.org/abs/2405.00002", 12,
            List.of("Barbara Liskov"), THUMBS + "2405.00002.png", "요약이 빈 줄 없이 문단으로 이어진다."));
  }

  @Test
  @DisplayName("CRLF line endings read like LF; summaries hold LF only")
  void crlfLineEndings() throws Exception {
    byte[] crlf = utf8(Fixtures.text("reference.md").replace("\n", "\r\n"));

    Digest digest = parser.parse("reference.md", crlf);

    assertThat(digest.entries()).containsExactlyElementsOf(REFERENCE);
    assertThat(digest.entries()).allSatisfy(e -> assertThat(e.summary()).doesNotContain("\r"));
  }

  @Test
  @DisplayName("a UTF-8 BOM at the start is skipped, with LF or CRLF")
  void byteOrderMark() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    Digest lf = parser.parse("reference.md", concat(bom, bytes("reference.md")));
    Digest crlf = parser.parse("reference.md",
        concat(bom, Fixtures.text("reference.md").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));

    assertThat(lf.entries()).containsExactlyElementsOf(REFERENCE);
    assertThat(crlf.entries()).containsExactlyElementsOf(REFERENCE);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
