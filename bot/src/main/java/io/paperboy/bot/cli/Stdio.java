package io.paperboy.bot.cli;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 standard streams. Java 17 encodes {@code System.out} in the platform charset, which is
 * ASCII under a POSIX locale (CI, cron, systemd): Korean text would come out as {@code ?}.
 *
 * @param terminal whether a person sits at these streams: the process's own stdin and stdout are
 *                 both a terminal (then the console edits lines and may style its text)
 */
public record Stdio(BufferedReader in, PrintStream out, PrintStream err, boolean terminal) {

  /** Streams that are not a terminal (tests, pipes). */
  public Stdio(BufferedReader in, PrintStream out, PrintStream err) {
    this(in, out, err, false);
  }

  public static Stdio system() {
    return new Stdio(
        new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8)),
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8),
        // Java 17 gives a Console exactly when stdin and stdout are both a terminal
        System.console() != null);
  }
}
