package org.rpzx.bench.suite;

import java.util.HashMap;
import java.util.Map;

/** {@code --key value} arguments of the suite's programs; a missing required key stops the run. */
final class Args {

  private final Map<String, String> values = new HashMap<>();

  Args(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --key value, got " + args[i]);
      }
      values.put(args[i].substring(2), args[++i]);
    }
  }

  String get(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + key);
    }
    return v;
  }

  String get(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  int getInt(String key, int fallback) {
    return values.containsKey(key) ? Integer.parseInt(values.get(key)) : fallback;
  }

  long getLong(String key, long fallback) {
    return values.containsKey(key) ? Long.parseLong(values.get(key)) : fallback;
  }

  int port() {
    return Integer.parseInt(get("port"));
  }

  String host() {
    return get("host", "127.0.0.1");
  }

  String zone() {
    return get("zone", "community.rpz");
  }
}
