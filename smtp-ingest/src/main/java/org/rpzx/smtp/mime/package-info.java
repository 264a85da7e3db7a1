/**
 * Streaming, bounded MIME walk of a received message: finds every {@code domains.txt} part, decodes
 * it to text, and reads the header {@code From} and {@code Message-ID}. Nothing here touches
 * sockets, so the walk can be unit-tested and fuzzed on byte arrays.
 *
 * <p>{@link org.rpzx.smtp.mime.MimeWalker} does the structure (multipart delimiters, nesting bound,
 * header limits) and hands leaves to a {@link org.rpzx.smtp.mime.MimeVisitor}; {@link
 * org.rpzx.smtp.mime.AttachmentExtractor} is the visitor that collects {@code domains.txt}. For
 * S/MIME it digests the raw bytes of the signed part of a top-level {@code multipart/signed} as
 * {@link org.rpzx.smtp.mime.MimeVisitor#child} hands them over, and walks the content of an opaque
 * {@code application/pkcs7-mime} while Bouncy Castle unwraps it; the signature it reads is checked
 * in {@link org.rpzx.smtp.smime}.
 */
package org.rpzx.smtp.mime;
