/**
 * The HTTP control API (JSON under {@code /api/v1/}), on the JDK's HTTP server. Every route but
 * {@code /healthz} needs {@code Authorization: Token SECRET}.
 */
package org.rpzx.dist.api;
