package io.paperboy.scheduler.digest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * The {@code ## Daily Papers (YYYY-MM-DD)} heading that dates a digest. A top-level heading that
 * starts with "Daily Papers" and has something in parentheses claims to date the digest, so a bad
 * date there refuses the file; other top-level headings (a title without a date) are not date
 * headings at all.
 */
final class DateHeading {

  private static final Pattern CLAIM = Pattern.compile("(?i)^\\s*daily\\s+papers\\s*\\(([^)]*)\\)");
  private static final Pattern ISO_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final DateTimeFormatter ISO_STRICT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private DateHeading() {}

  /**
   * The date a level-1 or level-2 heading names; empty when it is not a date heading.
   *
   * @throws DigestRejectedException when it is one but its date is not ISO or does not exist
   */
  static Optional<LocalDate> read(Heading heading, String source, int line) throws DigestRejectedException {
    Matcher m = CLAIM.matcher(plainText(heading));
    if (!m.find()) {
      return Optional.empty();
    }
    String date = m.group(1).strip();
    if (!ISO_SHAPE.matcher(date).matches()) {
      throw new DigestRejectedException(source, line,
          "date heading has '" + date + "', not an ISO date (expected '## Daily Papers (YYYY-MM-DD)')");
    }
    try {
      return Optional.of(LocalDate.parse(date, ISO_STRICT));
    } catch (DateTimeParseException e) {
      throw new DigestRejectedException(source, line, "date heading names a date that does not exist: " + date);
    }
  }

  private static String plainText(Node node) {
    StringBuilder out = new StringBuilder();
    appendText(node, out);
    return out.toString();
  }

  private static void appendText(Node node, StringBuilder out) {
    if (node instanceof Text) {
      out.append(((Text) node).getLiteral());
    } else if (node instanceof Code) {
      out.append(((Code) node).getLiteral());
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      appendText(child, out);
    }
  }
}
