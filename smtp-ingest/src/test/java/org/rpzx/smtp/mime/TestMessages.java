package org.rpzx.smtp.mime;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Builds test messages with Jakarta Mail, and raw ones where Jakarta would not write them. */
public final class TestMessages {
  private TestMessages() {}

  public static final Session SESSION = Session.getInstance(new Properties());

  public static MimeMessage message(String from, String subject) throws MessagingException {
    MimeMessage m = new MimeMessage(SESSION);
    m.setFrom(new InternetAddress(from));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress("rpz@community.example"));
    m.setSubject(subject);
    return m;
  }

  public static MimeBodyPart textBody(String text) throws MessagingException {
    MimeBodyPart p = new MimeBodyPart();
    p.setText(text, "utf-8");
    return p;
  }

  /** A {@code text/plain} attachment with the given name, charset and transfer encoding. */
  public static MimeBodyPart attachment(
      String fileName, String text, String charset, String transferEncoding)
      throws MessagingException {
    MimeBodyPart p = new MimeBodyPart();
    p.setText(text, charset);
    p.setFileName(fileName);
    p.setDisposition(MimeBodyPart.ATTACHMENT);
    if (transferEncoding != null) {
      p.setHeader("Content-Transfer-Encoding", transferEncoding);
    }
    return p;
  }

  /** A multipart/mixed message with a text body and the given parts. */
  public static MimeMessage withParts(String from, MimeBodyPart... parts)
      throws MessagingException {
    MimeMessage m = message(from, "blocklist");
    MimeMultipart mp = new MimeMultipart("mixed");
    mp.addBodyPart(textBody("Subject and body are ignored."));
    for (MimeBodyPart p : parts) {
      mp.addBodyPart(p);
    }
    m.setContent(mp);
    m.saveChanges();
    return m;
  }

  public static MimeBodyPart nested(String subtype, MimeBodyPart... parts)
      throws MessagingException {
    MimeMultipart mp = new MimeMultipart(subtype);
    for (MimeBodyPart p : parts) {
      mp.addBodyPart(p);
    }
    MimeBodyPart holder = new MimeBodyPart();
    holder.setContent(mp);
    return holder;
  }

  public static byte[] bytes(MimeMessage m) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      m.writeTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Raw message text with LF turned into CRLF (as SMTP delivers it), encoded as ISO-8859-1. */
  public static byte[] raw(String text) {
    return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }
}
