package io.paperboy.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./paperboy} launcher passes {@code -XX:SharedArchiveFile} for the archive it made for
 * the jar, and remakes it after each build; between the two (a jar rebuilt by hand, a copy moved)
 * the archive is stale. This pins what the launcher relies on: the JVM then ignores the archive
 * silently and runs as if there were none. The same steps as the launcher's, on a one-class jar.
 */
@DisplayName("a stale start-up archive is ignored without a word: the run is the same, only slower")
class StaleStartArchiveTest {

  /** The program in the jar. */
  public static final class Hello {
    public static void main(String[] args) {
      System.out.println("hello");
    }
  }

  private static final String HELLO = Hello.class.getName();

  @TempDir
  Path dir;

  @Test
  @DisplayName("archive used while the jar matches; after the jar changes: same output, nothing on stderr, exit 0")
  void staleArchiveIsIgnored() throws Exception {
    Path jar = dir.resolve("app.jar");
    writeJar(jar, false);
    Path classes = dir.resolve("classes");
    Files.writeString(classes, "java/lang/Object\n" + HELLO.replace('.', '/') + "\n");
    Path archive = dir.resolve("app.jsa");
    Run dump = java("-Xshare:dump", "-XX:SharedClassListFile=" + classes, "-XX:SharedArchiveFile=" + archive,
        "-cp", jar.toString());
    assertThat(dump.code()).as(dump.out() + dump.err()).isZero();

    Run fresh = java("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:class+load", "-cp", jar.toString(), HELLO);
    assertThat(fresh.out()).contains("hello").contains(HELLO + " source: shared objects file");

    writeJar(jar, true); // rebuilt: another size and time
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    Run stale = java("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-cp", jar.toString(), HELLO);
    assertThat(stale.code()).isZero();
    assertThat(stale.out()).isEqualTo("hello\n");
    assertThat(stale.err()).isEmpty();
    Run staleLogged = java("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:class+load", "-cp",
        jar.toString(), HELLO);
    assertThat(staleLogged.out()).contains("hello").doesNotContain(HELLO + " source: shared objects file")
        .contains(HELLO + " source: file:");
  }

  private static void writeJar(Path jar, boolean rebuilt) throws IOException {
    String entry = HELLO.replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        InputStream in = StaleStartArchiveTest.class.getResourceAsStream("/" + entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
      if (rebuilt) {
        out.putNextEntry(new JarEntry("rebuilt.txt"));
        out.write("a later build".getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
  }

  private record Run(int code, String out, String err) {}

  private Run java(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int code = p.waitFor();
    return new Run(code, Files.readString(out), Files.readString(err));
  }
}
