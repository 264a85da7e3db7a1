package org.rpzx.core.zone;

/** How a query name relative to the origin relates to the zone's content (RFC 1034 §4.3.2). */
public enum NameMatch {
  /** The zone apex itself. */
  APEX,
  /** An owner name {@code N} of an active name: it holds {@code CNAME .}. */
  NAME,
  /** The literal owner {@code *.N} of an active name: it holds {@code CNAME .}. */
  WILDCARD_OWNER,
  /** Below {@code N} with no closer owner in between: answered from {@code *.N} (RFC 4592). */
  WILDCARD_MATCH,
  /** Exists only because names exist below it: NODATA. */
  EMPTY_NON_TERMINAL,
  /** Does not exist: NXDOMAIN. */
  NX_DOMAIN
}
