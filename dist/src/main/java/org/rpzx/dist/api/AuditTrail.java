package org.rpzx.dist.api;

import org.rpzx.core.privacy.AuditEvent;

/** Where the API server writes its audit records ({@link AuditPolicy} says which requests). */
@FunctionalInterface
public interface AuditTrail {

  /** Audits nothing (tests of the bare server). */
  AuditTrail NONE = event -> {};

  void record(AuditEvent event);
}
