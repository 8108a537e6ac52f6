package io.paperboy.testkit.discord;

/**
 * One {@code files[n]} part of a {@code multipart/form-data} request, as the client sent it.
 *
 * @param name        the form field, {@code files[0]}
 * @param filename    the part's file name (what {@code attachment://name} refers to)
 * @param contentType the part's content type (JDA sends {@code application/octet-stream} unless told)
 * @param bytes       the content, exactly as received
 */
public record FilePart(String name, String filename, String contentType, byte[] bytes) {

  /** The index in {@code files[n]}, which the payload's {@code attachments[].id} refers to. */
  public int index() {
    return Integer.parseInt(name.substring(name.indexOf('[') + 1, name.indexOf(']')));
  }
}
