package org.rpzx.dist.cli;

/**
 * Ready-to-paste configuration for the resolvers that transfer the zone: BIND 9, Unbound and
 * PowerDNS Recursor. Values come from the API's answer to adding a consumer. {@code
 * docs/consumers.md} shows the same text for its example values (ResolverSnippetsDocTest keeps them
 * equal) and its ITs run that text in the real resolvers.
 *
 * @param zone the zone origin, with trailing dot
 * @param primary address of the rpzx DNS listener as the resolver reaches it
 * @param port its port
 * @param keyName TSIG key name, or null
 * @param algorithm e.g. {@code hmac-sha256}, or null
 * @param secret base64 secret, or null
 */
record ResolverSnippets(
    String zone, String primary, int port, String keyName, String algorithm, String secret) {

  private String zoneNoDot() {
    return zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone;
  }

  private boolean keyed() {
    return keyName != null && secret != null;
  }

  String bind() {
    StringBuilder sb = new StringBuilder();
    sb.append("# BIND 9 (named.conf). Before 9.16 write 'masters' and 'type slave'.\n");
    if (keyed()) {
      sb.append("key \"")
          .append(keyName)
          .append("\" {\n")
          .append("    algorithm ")
          .append(algorithm)
          .append(";\n")
          .append("    secret \"")
          .append(secret)
          .append("\";\n")
          .append("};\n");
    }
    sb.append("primaries rpzx-primary port ").append(port).append(" { ").append(primary);
    if (keyed()) {
      sb.append(" key \"").append(keyName).append("\"");
    }
    sb.append("; };\n");
    sb.append("zone \"")
        .append(zoneNoDot())
        .append("\" {\n")
        .append("    type secondary;\n")
        .append("    primaries { rpzx-primary; };\n")
        .append("    file \"")
        .append(zoneNoDot())
        .append(".db\";\n")
        .append("    allow-notify { ")
        .append(primary)
        .append("; };\n")
        .append("    allow-query { localhost; };\n")
        .append("};\n")
        .append("options {\n")
        .append("    # inside your existing options block. min-update-interval 0: apply each\n")
        .append("    # new serial at once (BIND's default waits 60 s between RPZ updates);\n")
        .append("    # qname-wait-recurse no: the zone has QNAME triggers only, answer at once\n")
        .append("    response-policy { zone \"")
        .append(zoneNoDot())
        .append("\" min-update-interval 0; } qname-wait-recurse no;\n")
        .append("};\n");
    return sb.toString();
  }

  String unbound() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Unbound (unbound.conf). RPZ needs the respip module: if your server: clause\n")
        .append("# sets module-config already, add respip to it instead.\n");
    if (keyed()) {
      sb.append("# Unbound cannot sign zone transfers with TSIG: it transfers unsigned, so give\n")
          .append("# this consumer an --allow subnet (and transfer over a network you trust).\n");
    }
    sb.append("server:\n")
        .append("    module-config: \"respip validator iterator\"\n")
        .append("rpz:\n")
        .append("    name: \"")
        .append(zone)
        .append("\"\n")
        .append("    primary: ")
        .append(primary)
        .append("@")
        .append(port)
        .append("\n")
        .append("    allow-notify: ")
        .append(primary)
        .append("\n")
        .append("    zonefile: \"")
        .append(zoneNoDot())
        .append(".zone\"\n")
        .append("    rpz-log: yes\n")
        .append("    rpz-log-name: \"")
        .append(zoneNoDot())
        .append("\"\n");
    return sb.toString();
  }

  /** Both PowerDNS Recursor forms: Lua (4.x, and 5.x with a Lua file) and YAML (5.x). */
  String powerDns() {
    return powerDnsLua() + powerDnsYaml();
  }

  private String powerDnsAddress() {
    return (primary.indexOf(':') >= 0 ? "[" + primary + "]" : primary) + ":" + port;
  }

  String powerDnsLua() {
    StringBuilder sb = new StringBuilder();
    String address = powerDnsAddress();
    sb.append("-- PowerDNS Recursor: the file lua-config-file names (Debian: recursor.lua).\n")
        .append("-- 4.8 does not act on NOTIFY for RPZ: it checks the SOA every refresh seconds.\n")
        .append("rpzPrimary(\"")
        .append(address)
        .append("\", \"")
        .append(zone)
        .append("\", {");
    if (keyed()) {
      sb.append("tsigname=\"")
          .append(keyName)
          .append(".\", tsigalgo=\"")
          .append(algorithm)
          .append("\", tsigsecret=\"")
          .append(secret)
          .append("\", ");
    }
    sb.append("refresh=60})\n");
    return sb.toString();
  }

  String powerDnsYaml() {
    StringBuilder sb = new StringBuilder();
    String address = powerDnsAddress();
    sb.append("# PowerDNS Recursor 5.x, YAML configuration (recursor.yml), instead:\n")
        .append("recursor:\n")
        .append("  rpzs:\n")
        .append("  - name: ")
        .append(zone)
        .append("\n")
        .append("    addresses: ['")
        .append(address)
        .append("']\n")
        .append("    refresh: 60\n");
    if (keyed()) {
      sb.append("    tsig:\n")
          .append("      name: ")
          .append(keyName)
          .append(".\n")
          .append("      algo: ")
          .append(algorithm)
          .append("\n")
          .append("      secret: ")
          .append(secret)
          .append("\n");
    }
    return sb.toString();
  }
}
