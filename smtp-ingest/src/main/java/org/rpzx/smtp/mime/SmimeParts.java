package org.rpzx.smtp.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.bouncycastle.cms.CMSException;
import org.rpzx.smtp.smime.OpaqueSignedData;
import org.rpzx.smtp.smime.SmimeSignature;

/**
 * The S/MIME side of the walk: digests the signed part of a top-level {@code multipart/signed} and
 * reads its signature; unwraps a top-level opaque {@code application/pkcs7-mime} and walks the
 * content inside it; refuses S/MIME anywhere else. A signature must cover the whole message: one on
 * an inner part leaves the other parts unsigned, and a signature that is not checked is never
 * quietly taken for an unsigned message.
 */
final class SmimeParts {

  /** A detached signature with its certificates takes a few KiB; far more is not a signature. */
  static final int MAX_SIGNATURE_BYTES = 1 << 20;

  private final MimeWalker walker;
  private final int maxAsn1Bytes;
  private ContentDigests signedPart;
  private byte[] detachedSignature;
  private SmimeSignature opaqueSignature;

  SmimeParts(MimeWalker walker, int maxAsn1Bytes) {
    this.walker = walker;
    this.maxAsn1Bytes = maxAsn1Bytes;
  }

  /** See {@link MimeVisitor#child}: digests part 1 of the top-level {@code multipart/signed}. */
  InputStream child(MimePart multipart, int index, InputStream raw) throws IOException {
    if (!multipart.type().baseType().equals("multipart/signed")) {
      return raw;
    }
    if (!multipart.path().isEmpty()) {
      throw nested(multipart);
    }
    String protocol = multipart.type().parameter("protocol");
    if (!SmimeForm.isSmimeProtocol(protocol)) {
      throw new SmimeFormatException(
          "the message is signed with "
              + (protocol == null ? "an unnamed protocol" : protocol)
              + "; only S/MIME signatures (application/pkcs7-signature) can be checked");
    }
    if (index == 0) {
      signedPart = new ContentDigests(raw);
      return signedPart;
    }
    if (index > 1) {
      throw new SmimeFormatException("multipart/signed has more than two parts");
    }
    return raw;
  }

  /**
   * Handles {@code part} if it is S/MIME.
   *
   * @return true when it was (the signature part, or the opaque message whose content has now been
   *     walked with {@code visitor}); false for any other part
   * @throws SmimeFormatException for S/MIME that cannot be verified
   */
  boolean leaf(MimePart part, InputStream body, MimeVisitor visitor) throws IOException {
    if (signedPart != null && part.depth() == 1 && part.path().equals("2")) {
      if (!SmimeForm.isSmimeProtocol(part.type().baseType())) {
        throw new SmimeFormatException(
            "part 2 of multipart/signed is " + part.type() + ", not application/pkcs7-signature");
      }
      detachedSignature = readSignature(part, body);
      return true;
    }
    if (part.path().isEmpty() && SmimeForm.of(part.type()) == SmimeForm.PKCS7_MIME) {
      unwrap(part, body, visitor);
      return true;
    }
    if (SmimeForm.isSmimeType(part.type())) {
      throw nested(part);
    }
    return false;
  }

  /**
   * The signature of the message whose top-level part is {@code top}, after the walk.
   *
   * @return null for a message that is not S/MIME
   * @throws SmimeFormatException when it is S/MIME but its signature cannot be had
   */
  SmimeSignature finish(MimePart top) throws SmimeFormatException {
    switch (SmimeForm.of(top.type())) {
      case NONE -> {
        return null;
      }
      case PKCS7_MIME -> {
        if (opaqueSignature == null) {
          throw new SmimeFormatException("the S/MIME message holds no signature");
        }
        return opaqueSignature;
      }
      default -> {
        if (signedPart == null || detachedSignature == null) {
          throw new SmimeFormatException(
              "multipart/signed needs two parts, the content and its signature");
        }
        try {
          return SmimeSignature.detached(signedPart.results(), detachedSignature);
        } catch (CMSException e) {
          throw new SmimeFormatException(
              "the S/MIME signature (part 2) cannot be read: " + e.getMessage());
        }
      }
    }
  }

  private byte[] readSignature(MimePart part, InputStream body) throws IOException {
    SourceGuard source = new SourceGuard(body);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      InputStream decoded =
          TransferDecoding.decode(source, part.headers().first("Content-Transfer-Encoding"));
      byte[] buf = new byte[8192];
      int n;
      while ((n = decoded.read(buf)) != -1) {
        if (out.size() + n > MAX_SIGNATURE_BYTES) {
          throw new SmimeFormatException("the S/MIME signature part is larger than 1 MiB");
        }
        out.write(buf, 0, n);
      }
    } catch (MimeFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (source.failure() != null) {
        throw source.failure();
      }
      throw new SmimeFormatException("the S/MIME signature part has a broken transfer encoding");
    }
    return out.toByteArray();
  }

  private void unwrap(MimePart part, InputStream body, MimeVisitor visitor) throws IOException {
    String smimeType = part.type().parameter("smime-type");
    if (smimeType != null && !smimeType.strip().equalsIgnoreCase("signed-data")) {
      throw new SmimeFormatException(unsupportedType(smimeType.strip().toLowerCase(Locale.ROOT)));
    }
    SourceGuard source = new SourceGuard(body);
    try {
      InputStream der =
          TransferDecoding.decode(source, part.headers().first("Content-Transfer-Encoding"));
      OpaqueSignedData opaque = OpaqueSignedData.open(der, maxAsn1Bytes);
      walker.walkInner(opaque.content(), 1, "1", visitor);
      opaqueSignature = opaque.finish();
    } catch (CMSException | IOException | RuntimeException e) {
      if (source.failure() != null) {
        throw source.failure(); // the connection or the size limit, not the signature
      }
      if (e instanceof MimeFormatException m) {
        throw m; // the signed content itself is unusable
      }
      throw new SmimeFormatException(
          "the S/MIME signed message cannot be read: "
              + (e instanceof CMSException ? e.getMessage() : "malformed CMS structure"));
    }
  }

  private static String unsupportedType(String smimeType) {
    return switch (smimeType) {
      case "enveloped-data", "authenveloped-data" ->
          "the message is encrypted (S/MIME " + smimeType + "); sign it without encrypting";
      default -> "S/MIME " + smimeType + " is not supported; send signed-data";
    };
  }

  private static SmimeFormatException nested(MimePart part) {
    return new SmimeFormatException(
        "S/MIME on "
            + part.describe()
            + " only is not accepted: the signature must cover the whole message");
  }
}
