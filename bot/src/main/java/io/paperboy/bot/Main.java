package io.paperboy.bot;

/** Entry point; the CLI arrives with the foundation. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.out.println("paperboy: not built yet");
  }
}
