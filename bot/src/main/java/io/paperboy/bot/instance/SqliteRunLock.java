package io.paperboy.bot.instance;

import io.paperboy.bot.config.Quoting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The one-process rule of a SQLite database, held as an OS lock ({@link FileChannel#tryLock}) on
 * {@code <db>.lock} for as long as {@code paperboy run} lives. The kernel drops the lock when the
 * process dies, even by SIGKILL, so a crash never leaves a stale lock to delete by hand. The file
 * also holds the owner's {@code pid@host} and start time, so the refusal names the other process.
 *
 * <p>Why a lock at all: one {@code run} owns the outbox (it resets every {@code attempting} row at
 * start), the planner and the ingest schedule; a second one on the same file would post every
 * daily post twice. Read-only commands ({@code ask}, {@code export}, {@code preview},
 * {@code subscriptions}) do not take it and work beside a running instance.
 */
public final class SqliteRunLock implements AutoCloseable {

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private SqliteRunLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** {@code <database>.lock} beside the database file. */
  public static Path lockFileOf(Path database) {
    return database.resolveSibling(database.getFileName() + ".lock");
  }

  /**
   * Takes the lock of {@code database} for this process.
   *
   * @throws AlreadyRunningException naming the database and the process that holds it
   */
  public static SqliteRunLock acquire(Path database, InstanceId self) {
    Path file = lockFileOf(database);
    FileChannel channel = null;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      // no TRUNCATE: a refused process must not wipe the holder's name before reading it
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this very JVM (an embedding test, say): the same answer as another process
      }
      if (lock == null) {
        String holder = readHolder(channel);
        channel.close();
        throw new AlreadyRunningException(database, file, holder);
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((self + " since " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      return new SqliteRunLock(file, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot lock " + Quoting.quote(file) + " (the lock that keeps a second "
          + "`paperboy run` off " + Quoting.quote(database) + "): " + e.getMessage(), e);
    }
  }

  private static String readHolder(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(512);
    channel.read(buffer, 0);
    String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? "a process that has not written its name yet" : "process " + text;
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // already failing with the first error
      }
    }
  }

  public Path file() {
    return file;
  }

  /**
   * Releases the lock. The file stays: deleting it would let a third process lock a new file while
   * a second one still waits on the old inode.
   */
  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A second {@code paperboy run} on a SQLite file that another one owns. */
  public static final class AlreadyRunningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AlreadyRunningException(Path database, Path lockFile, String holder) {
      super("another `paperboy run` is using " + Quoting.quote(database) + " (" + holder + ", holding "
          + Quoting.quote(lockFile) + "); SQLite allows one running instance per database file. Stop that one "
          + "first, or give this one its own --db; several instances need PostgreSQL (--db postgresql://…). "
          + "`ask`, `export`, `preview` and `subscriptions` work beside it.");
    }
  }
}
