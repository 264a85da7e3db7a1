package org.rpzx.dist;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.rpzx.dist.cli.RpzxCommand;
import org.rpzx.dist.serve.RpzxService;
import picocli.CommandLine;

/** An in-process rpzx for the integration tests: the CLI against its API, mail to its SMTP. */
final class RpzxHarness {

  private RpzxHarness() {}

  record CliResult(int exitCode, String out, String err) {}

  /** Runs {@code rpzx args...} in-process against {@code service}'s API and operator token. */
  static CliResult cli(RpzxService service, String... args) {
    String api = "http://127.0.0.1:" + service.apiAddress().getPort();
    Path tokenFile = service.dataDir().resolve("operator.token");
    CommandLine cmd = RpzxCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    String[] full = new String[args.length + 4];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--api";
    full[args.length + 1] = api;
    full[args.length + 2] = "--token-file";
    full[args.length + 3] = tokenFile.toString();
    int code = cmd.execute(full);
    return new CliResult(code, out.toString(), err.toString());
  }

  /**
   * Mails {@code domainsTxt} as a {@code domains.txt} attachment with Jakarta Mail (a real SMTP
   * client); returns the server's last reply line (the one to the end of DATA).
   */
  static String mail(RpzxService service, String from, String to, String domainsTxt)
      throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", String.valueOf(service.smtpPort()));
    props.put("mail.smtp.timeout", "20000");
    Session session = Session.getInstance(props);
    MimeMessage msg = new MimeMessage(session);
    msg.setFrom(new InternetAddress(from));
    msg.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    msg.setSubject("this subject is ignored");
    MimeBodyPart body = new MimeBodyPart();
    body.setText("Please block these.", "UTF-8");
    MimeBodyPart attachment = new MimeBodyPart();
    attachment.setDataHandler(
        new DataHandler(
            new ByteArrayDataSource(
                domainsTxt.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8")));
    attachment.setFileName("domains.txt");
    MimeMultipart mp = new MimeMultipart();
    mp.addBodyPart(body);
    mp.addBodyPart(attachment);
    msg.setContent(mp);
    msg.saveChanges();
    try (Transport t = session.getTransport("smtp")) {
      t.connect();
      t.sendMessage(msg, msg.getAllRecipients());
      return ((SMTPTransport) t).getLastServerResponse().strip();
    }
  }
}
