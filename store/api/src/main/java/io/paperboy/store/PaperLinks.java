package io.paperboy.store;

/**
 * The links every view of a paper offers besides its abstract ({@link ArxivId#absUrl}): the arXiv
 * PDF and the paper's Hugging Face page. One place, so a stored paper and a rendered card can never
 * disagree about where they point.
 */
public final class PaperLinks {

  private PaperLinks() {}

  /** The arXiv PDF URL of a versionless id ({@code https://arxiv.org/pdf/2406.04325}). */
  public static String pdfUrl(String arxivId) {
    return "https://arxiv.org/pdf/" + arxivId;
  }

  /** The Hugging Face papers page of an id ({@code https://huggingface.co/papers/2406.04325}). */
  public static String huggingFaceUrl(String arxivId) {
    return "https://huggingface.co/papers/" + arxivId;
  }
}
