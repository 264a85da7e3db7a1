package org.rpzx.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tested snippets of a markdown page under {@code docs/}: a fenced code block directly preceded
 * by {@code <!-- snippet: ID -->}. The tests run the text the reader sees; where it holds example
 * values (addresses, ports, secrets) a test replaces them, and every value it replaces must be
 * there, so an edited page cannot silently stop matching what its test runs.
 */
public final class DocSnippets {

  /** The TSIG secret {@code docs/consumers.md} shows in its examples. */
  public static final String EXAMPLE_TSIG_SECRET = "cnB6eC1leGFtcGxlLXNlY3JldC1kby1ub3QtdXNlISE=";

  private static final Pattern MARKER = Pattern.compile("^<!-- snippet: ([a-z0-9-]+) -->$");

  private final Path file;
  private final Map<String, String> snippets;

  private DocSnippets(Path file, Map<String, String> snippets) {
    this.file = file;
    this.snippets = snippets;
  }

  /** Reads {@code docs/<page>} of the repository (found from the working directory upwards). */
  public static DocSnippets load(String page) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("docs").resolve(page);
      if (Files.isRegularFile(candidate)) {
        try {
          return new DocSnippets(
              candidate, parse(Files.readString(candidate, StandardCharsets.UTF_8)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "docs/" + page + " not found above " + Path.of("").toAbsolutePath());
  }

  /** The snippets of {@code markdown} by id, in page order; a duplicate id is an error. */
  static Map<String, String> parse(String markdown) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> lines = markdown.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i).strip());
      if (!m.matches()) {
        continue;
      }
      String id = m.group(1);
      int open = i + 1;
      if (open >= lines.size() || !lines.get(open).startsWith("```")) {
        throw new IllegalStateException("snippet " + id + ": no code block right after its marker");
      }
      StringBuilder text = new StringBuilder();
      int j = open + 1;
      while (j < lines.size() && !lines.get(j).startsWith("```")) {
        text.append(lines.get(j)).append('\n');
        j++;
      }
      if (j == lines.size()) {
        throw new IllegalStateException("snippet " + id + ": code block not closed");
      }
      if (out.put(id, text.toString()) != null) {
        throw new IllegalStateException("snippet " + id + " appears twice");
      }
      i = j;
    }
    return out;
  }

  /** The snippet's text as the page shows it. */
  public String get(String id) {
    String s = snippets.get(id);
    if (s == null) {
      throw new IllegalStateException(
          "no snippet '" + id + "' in " + file + " (has " + snippets.keySet() + ")");
    }
    return s;
  }

  /**
   * The snippet with each key of {@code replacements} (in order) replaced by its value; fails if a
   * key does not occur, i.e. when the page no longer shows the example value the test replaces.
   */
  public String get(String id, Map<String, String> replacements) {
    String s = get(id);
    for (Map.Entry<String, String> r : replacements.entrySet()) {
      if (!s.contains(r.getKey())) {
        throw new IllegalStateException(
            "snippet " + id + " in " + file + " no longer contains '" + r.getKey() + "':\n" + s);
      }
      s = s.replace(r.getKey(), r.getValue());
    }
    return s;
  }

  /** Replacements in the order given: {@code key1, value1, key2, value2, ...}. */
  public static Map<String, String> replacing(String... pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("pairs expected");
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /**
   * Runs a shell snippet with {@code /bin/sh -e} in {@code dir} (stdin empty, at most 60 s); fails
   * unless it exits 0. Returns its output (stdout and stderr).
   */
  public static String run(Path dir, String script) throws IOException, InterruptedException {
    Path file = Files.createTempFile(dir, "snippet-", ".sh");
    Files.writeString(file, script);
    Process p =
        new ProcessBuilder("/bin/sh", "-e", file.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    java.util.concurrent.CompletableFuture<String> out =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return "(output unreadable: " + e + ")";
              }
            });
    if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("still running after 60 s:\n" + script);
    }
    String output = out.join();
    if (p.exitValue() != 0) {
      throw new AssertionError(
          "exit " + p.exitValue() + " from:\n" + script + "\noutput:\n" + output);
    }
    return output;
  }

  /**
   * The words of a one-command shell snippet as {@code sh} would split them: single and double
   * quotes, backslash escapes, backslash-newline continuations; a leading {@code rpzx} is dropped.
   * Enough for the documented command lines, which use nothing else (no variables, no globs).
   */
  public static List<String> shellWords(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else if (c == '\\'
            && i + 1 < command.length()
            && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
          word.append(command.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '\\' && i + 1 < command.length()) {
        char next = command.charAt(++i);
        if (next != '\n') {
          word = word == null ? new StringBuilder() : word;
          word.append(next);
        }
      } else if (c == '\'' || c == '"') {
        word = word == null ? new StringBuilder() : word;
        quote = c;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if (c == '#' && word == null) {
        while (i < command.length() && command.charAt(i) != '\n') {
          i++;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed quote in: " + command);
    }
    if (word != null) {
      words.add(word.toString());
    }
    if (!words.isEmpty() && (words.get(0).equals("rpzx") || words.get(0).equals("./rpzx"))) {
      words.remove(0);
    }
    return words;
  }
}
