package org.rpzx.core.auth;

/** What a presented secret amounts to: a value, never an exception. */
public sealed interface Authentication {

  /** A known, live token used from an allowed source. */
  record Valid(ApiToken token) implements Authentication {}

  /** Unknown, expired or revoked: the caller is not authenticated (HTTP 401). */
  record Invalid() implements Authentication {}

  /** A live token used from a source outside its allowed subnets (HTTP 403). */
  record SubnetNotAllowed(ApiToken token) implements Authentication {}
}
