/**
 * Streaming, bounded MIME walk of a received message: finds every {@code domains.txt} part, decodes
 * it to text, and reads the header {@code From} and {@code Message-ID}. Nothing here touches
 * sockets, so the walk can be unit-tested and fuzzed on byte arrays.
 *
 * <p>{@link org.rpzx.smtp.mime.MimeWalker} does the structure (multipart delimiters, nesting bound,
 * header limits) and hands leaves to a {@link org.rpzx.smtp.mime.MimeVisitor}; {@link
 * org.rpzx.smtp.mime.AttachmentExtractor} is the visitor that collects {@code domains.txt}. A later
 * S/MIME verifier plugs in as another visitor: {@link org.rpzx.smtp.mime.MimeVisitor#child} sees
 * the raw bytes of each multipart child exactly as signed.
 */
package org.rpzx.smtp.mime;
