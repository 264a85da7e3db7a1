package org.rpzx.dist;

/** Entry point of the {@code rpzx} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("rpzx");
  }
}
