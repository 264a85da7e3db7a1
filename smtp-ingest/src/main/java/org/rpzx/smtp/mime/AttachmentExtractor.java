package org.rpzx.smtp.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.rpzx.core.submission.DomainsFile;
import org.rpzx.smtp.smime.SmimeSignature;

/**
 * Reads a received message once, streaming, and returns its sender address, Message-ID and every
 * part named {@code domains.txt} as decoded text, or a rejection with a reason for the sender. The
 * message also counts as a {@code domains.txt} if its own {@code Content-Type} names it. Parts
 * inside an attached message ({@code message/rfc822}) are not looked into: they belong to another
 * mail.
 *
 * <p>An S/MIME signed message ({@code multipart/signed} or opaque {@code application/pkcs7-mime})
 * is walked the same way, inside its signed content, and its signature is read along ({@link
 * SmimeParts}); checking it is the caller's business.
 *
 * <p>One made {@link #forReports} reads a false-positive report mail: it also takes every {@code
 * reports.txt}, the {@code Subject} and the first inline {@code text/plain} part (the body), all
 * within the same decoded-bytes bound.
 *
 * <p>Thread-safe; one instance serves all connections.
 */
public final class AttachmentExtractor {

  private final MimeLimits limits;
  private final MimeWalker walker;
  private final boolean reports;

  public AttachmentExtractor(MimeLimits limits) {
    this(limits, false);
  }

  private AttachmentExtractor(MimeLimits limits, boolean reports) {
    this.limits = limits;
    this.walker = new MimeWalker(limits.maxDepth(), limits.maxHeaderBytes());
    this.reports = reports;
  }

  /** An extractor for report mail: also {@code reports.txt}, the subject and the body text. */
  public static AttachmentExtractor forReports(MimeLimits limits) {
    return new AttachmentExtractor(limits, true);
  }

  public MimeLimits limits() {
    return limits;
  }

  /**
   * Extracts from {@code message} and reads it to its end whatever the outcome.
   *
   * @throws IOException only when {@code message} itself fails (connection, size limit); every
   *     problem of the content is a {@link Extraction.Rejected} value
   */
  public Extraction extract(InputStream message) throws IOException {
    Collector collector = new Collector();
    MimePart top;
    SmimeSignature signature;
    try {
      top = walker.walk(message, collector);
      signature = collector.smime.finish(top);
    } catch (MimeFormatException e) {
      message.transferTo(OutputStream.nullOutputStream());
      return new Extraction.Rejected(
          e instanceof SmimeFormatException ? Extraction.Kind.SIGNATURE : Extraction.Kind.MALFORMED,
          e.getMessage());
    }
    FromHeader.Result from = FromHeader.parse(top.headers());
    if (from.problem() != null) {
      return new Extraction.Rejected(Extraction.Kind.SENDER, from.problem());
    }
    return new Extraction.Extracted(
        new ExtractedMessage(
            from.address(),
            MessageIds.of(top.headers()),
            collector.files,
            signature == null ? SmimeForm.NONE : SmimeForm.of(top.type()),
            signature,
            reports ? FileNames.decodeHeader(top.headers().first("Subject")) : null,
            collector.bodyText));
  }

  /** Collects the {@code domains.txt} leaves; everything else is left to be drained. */
  private final class Collector implements MimeVisitor {
    private final List<DomainsFile> files = new ArrayList<>();
    private String bodyText;
    private final SmimeParts smime = new SmimeParts(walker, limits.maxDecodedBytes());
    private long decodedBytes;

    @Override
    public InputStream child(MimePart multipart, int index, InputStream raw) throws IOException {
      return smime.child(multipart, index, raw);
    }

    @Override
    public void leaf(MimePart part, InputStream body) throws IOException {
      if (smime.leaf(part, body, this)) {
        return;
      }
      String name = FileNames.of(part);
      if (reports && bodyText == null && name == null && isInlineText(part)) {
        String where = part.describe();
        bodyText = TextDecoding.decode(decodeBody(part, body, where), charset(part), where);
        return;
      }
      if (!FileNames.isDomainsTxt(name) && !(reports && FileNames.isReportsTxt(name))) {
        return;
      }
      String where = part.describe() + " (" + name + ")";
      byte[] bytes = decodeBody(part, body, where);
      files.add(new DomainsFile(name, TextDecoding.decode(bytes, charset(part), where)));
    }

    private static boolean isInlineText(MimePart part) {
      return part.type().baseType().equals("text/plain") && FileNames.isInline(part);
    }

    private static String charset(MimePart part) {
      return part.type().parameter("charset");
    }

    private byte[] decodeBody(MimePart part, InputStream body, String where) throws IOException {
      String encoding = part.headers().first("Content-Transfer-Encoding");
      SourceGuard source = new SourceGuard(body);
      InputStream decoded = TransferDecoding.decode(source, encoding);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      try {
        int n;
        while ((n = decoded.read(buf)) != -1) {
          decodedBytes += n;
          if (decodedBytes > limits.maxDecodedBytes()) {
            throw new MimeFormatException(
                "domains.txt content larger than " + limits.maxDecodedBytes() + " bytes");
          }
          out.write(buf, 0, n);
        }
      } catch (MimeFormatException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        if (source.failure() != null) {
          throw source.failure();
        }
        throw new MimeFormatException(
            where + " has a broken " + TransferDecoding.normalise(encoding) + " encoding");
      }
      return out.toByteArray();
    }
  }
}
