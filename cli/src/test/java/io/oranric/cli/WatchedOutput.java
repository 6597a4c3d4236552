package io.oranric.cli;

import java.io.Writer;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a command running on another thread prints, with waits that wake on every write: a test
 * waits for the line it needs instead of polling the text.
 */
final class WatchedOutput extends Writer {
  private final StringBuilder text = new StringBuilder();

  @Override
  public synchronized void write(char[] chars, int off, int len) {
    text.append(chars, off, len);
    notifyAll();
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
  }

  @Override
  public synchronized String toString() {
    return text.toString();
  }

  /** Waits until what was printed matches {@code pattern}; fails with the text after {@code timeout}. */
  synchronized Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Matcher m = pattern.matcher(text.toString());
      if (m.find()) {
        return m;
      }
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new AssertionError("never printed " + pattern + " within " + timeout.toSeconds() + " s; printed:\n" + text);
      }
      wait(left);
    }
  }

  /** Waits until what was printed contains {@code literal}. */
  void await(String literal, Duration timeout) throws InterruptedException {
    await(Pattern.compile(Pattern.quote(literal)), timeout);
  }
}
