package io.paperboy.core.console;

import io.paperboy.core.message.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Where the console keeps the images messages carry: a terminal cannot show a PNG, so the console
 * saves it in a folder ({@code data/charts/} beside the database by default) and prints the path.
 * A file is named after the attachment and its content ({@code trend-3f2a9c01b7de.png}): asking
 * for the same chart twice leaves one file, two different charts never overwrite each other.
 */
public final class AttachmentFiles {

  private final Path dir;

  public AttachmentFiles(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** The folder files are saved in. */
  public Path dir() {
    return dir;
  }

  /**
   * Writes the attachment's PNG (creating the folder if needed) and answers its path. The file is
   * written to a temporary name first and moved into place, so a reader never sees half a PNG.
   */
  public Path save(Block.Attachment attachment) throws IOException {
    String name = attachment.fileName();
    String stem = name.substring(0, name.length() - ".png".length());
    byte[] png = attachment.png();
    Path file = dir.resolve(stem + "-" + hash(png) + ".png");
    if (Files.isRegularFile(file) && Files.size(file) == png.length) {
      return file;
    }
    Files.createDirectories(dir);
    // a hidden name of its own, not createTempFile, whose owner-only permissions the PNG would keep
    Path temporary = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".part");
    try {
      Files.write(temporary, png);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return file;
  }

  private static String hash(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
