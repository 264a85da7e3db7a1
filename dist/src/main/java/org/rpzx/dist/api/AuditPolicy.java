package org.rpzx.dist.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which API requests go to the audit log: every authenticated request that may change state (any
 * method but {@code GET}/{@code HEAD}), every failed authentication or authorization ({@code 401},
 * {@code 403}), and the reads that show privacy-sensitive data (a raw message, who submitted an
 * entry). Other reads are not audited.
 */
final class AuditPolicy {

  /** Reads that are audited: they show what an institution sent or who submitted a name. */
  static final Set<String> AUDITED_READS = Set.of(PrivacyApi.RAW_MESSAGE, "/api/v1/entries/{name}");

  private static final Pattern PARAM = Pattern.compile("\\{([a-z_]+)}");

  private AuditPolicy() {}

  static boolean audited(String method, Route route, int status, boolean authenticated) {
    if (status == 401 || status == 403) {
      return true;
    }
    if (!authenticated) {
      return false;
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return true;
    }
    return route != null && AUDITED_READS.contains(route.template());
  }

  /** The path parameters by their names in the template, in order. */
  static Map<String, String> target(Route route, List<String> values) {
    Map<String, String> out = new LinkedHashMap<>();
    if (route == null) {
      return out;
    }
    Matcher m = PARAM.matcher(route.template());
    int i = 0;
    while (m.find() && i < values.size()) {
      out.put(m.group(1), decode(values.get(i++)));
    }
    return out;
  }

  private static String decode(String raw) {
    try {
      return java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}
