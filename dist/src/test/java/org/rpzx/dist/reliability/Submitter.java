package org.rpzx.dist.reliability;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends one {@code domains.txt} as a real client would: by mail with Jakarta Mail, or as an HTTP
 * {@code POST /api/v1/submissions} with an institution's {@code submit} token.
 */
final class Submitter {

  /** How a submission ended, from the client's side. */
  enum Kind {
    /** 250 / 201: the service says it is stored. */
    ACKNOWLEDGED,
    /** 451 / 503: try again later. */
    TEMPORARY_FAILURE,
    /** Any other answer. */
    REFUSED,
    /** No answer (the connection broke or timed out). */
    NO_ANSWER
  }

  record Reply(Kind kind, int code, String text, long submissionId, int accepted) {}

  private static final Pattern SUMMARY =
      Pattern.compile("submission (\\d+): (\\d+) accepted, (\\d+) rejected");
  private static final Pattern JSON_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  private static final Pattern JSON_ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

  private final int smtpPort;
  private final String sender;
  private final String community;
  private final String apiBase;
  private final String submitToken;
  private final Session session;
  private final HttpClient http;

  Submitter(int smtpPort, String sender, String community, String apiBase, String submitToken) {
    this.smtpPort = smtpPort;
    this.sender = sender;
    this.community = community;
    this.apiBase = apiBase;
    this.submitToken = submitToken;
    Properties props = new Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", String.valueOf(smtpPort));
    props.put("mail.smtp.connectiontimeout", "3000");
    props.put("mail.smtp.timeout", "30000");
    this.session = Session.getInstance(props);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  }

  private static String body(List<String> names) {
    return String.join("\n", names) + "\n";
  }

  /** Mails {@code names} as a domains.txt attachment. */
  Reply mail(List<String> names) {
    MimeMessage msg;
    try {
      msg = new MimeMessage(session);
      msg.setFrom(new InternetAddress(sender));
      msg.setRecipient(Message.RecipientType.TO, new InternetAddress(community));
      msg.setSubject("crash harness");
      MimeBodyPart text = new MimeBodyPart();
      text.setText("names attached", "UTF-8");
      MimeBodyPart attachment = new MimeBodyPart();
      attachment.setDataHandler(
          new DataHandler(
              new ByteArrayDataSource(
                  body(names).getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8")));
      attachment.setFileName("domains.txt");
      MimeMultipart mp = new MimeMultipart();
      mp.addBodyPart(text);
      mp.addBodyPart(attachment);
      msg.setContent(mp);
      msg.saveChanges();
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot build the message", e);
    }
    Transport t = null;
    try {
      t = session.getTransport("smtp");
      t.connect();
      t.sendMessage(msg, msg.getAllRecipients());
      // read the reply to DATA before QUIT: a kill after 250 must not hide the acknowledgement
      String last = ((SMTPTransport) t).getLastServerResponse().strip();
      Matcher m = SUMMARY.matcher(last);
      if (last.startsWith("250") && m.find()) {
        return new Reply(
            Kind.ACKNOWLEDGED, 250, last, Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)));
      }
      return new Reply(Kind.REFUSED, code(last), last, -1, 0);
    } catch (SMTPSendFailedException e) {
      String text = String.valueOf(e.getMessage()).strip();
      int code = e.getReturnCode();
      Kind kind =
          code >= 400 && code < 500
              ? Kind.TEMPORARY_FAILURE
              : code >= 500 && code < 600 ? Kind.REFUSED : Kind.NO_ANSWER; // -1: connection cut
      return new Reply(kind, code, text, -1, 0);
    } catch (MessagingException e) {
      return new Reply(Kind.NO_ANSWER, 0, String.valueOf(e), -1, 0);
    } finally {
      if (t != null) {
        try {
          t.close();
        } catch (MessagingException e) {
          // QUIT to a killed server: the reply that counts was read above
        }
      }
    }
  }

  /** POSTs {@code names} as the body of {@code /api/v1/submissions}. */
  Reply post(List<String> names) {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(apiBase + "/api/v1/submissions"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Token " + submitToken)
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body(names)))
            .build();
    try {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 201) {
        Matcher id = JSON_ID.matcher(r.body());
        Matcher acc = JSON_ACCEPTED.matcher(r.body());
        if (id.find() && acc.find()) {
          return new Reply(
              Kind.ACKNOWLEDGED,
              201,
              r.body(),
              Long.parseLong(id.group(1)),
              Integer.parseInt(acc.group(1)));
        }
        return new Reply(Kind.REFUSED, 201, r.body(), -1, 0);
      }
      Kind kind = r.statusCode() == 503 ? Kind.TEMPORARY_FAILURE : Kind.REFUSED;
      return new Reply(kind, r.statusCode(), r.body(), -1, 0);
    } catch (IOException e) {
      return new Reply(Kind.NO_ANSWER, 0, String.valueOf(e), -1, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(Kind.NO_ANSWER, 0, "interrupted", -1, 0);
    }
  }

  int smtpPort() {
    return smtpPort;
  }

  private static int code(String reply) {
    try {
      return Integer.parseInt(reply.substring(0, 3));
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
