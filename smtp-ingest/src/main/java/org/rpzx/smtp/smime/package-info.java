/**
 * S/MIME (RFC 8551) for submissions: {@link org.rpzx.smtp.smime.SmimeSignature} is what a signed
 * message carries (read by the MIME walk, detached or opaque), {@link
 * org.rpzx.smtp.smime.SmimeVerifier} decides whether it proves the header {@code From}: signature
 * value, signer certificate validity, key usage, e-mail address, and a PKIX path to one of the
 * {@link org.rpzx.smtp.smime.TrustAnchors}. Verdicts are values with a reason for the sender.
 */
package org.rpzx.smtp.smime;
