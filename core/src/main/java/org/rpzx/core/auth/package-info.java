/**
 * API tokens modelled on deSEC's: a random secret shown once and stored only as its SHA-256 hash,
 * an owner and scopes.
 */
package org.rpzx.core.auth;
