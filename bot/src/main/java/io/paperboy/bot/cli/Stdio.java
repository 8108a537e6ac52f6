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
 */
public record Stdio(BufferedReader in, PrintStream out, PrintStream err) {

  public static Stdio system() {
    return new Stdio(
        new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8)),
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
  }
}
