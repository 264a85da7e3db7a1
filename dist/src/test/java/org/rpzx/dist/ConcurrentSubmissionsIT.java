package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.store.Database;
import org.rpzx.dist.config.RpzxConfig;
import org.rpzx.dist.serve.RpzxService;

/** 100 SMTP sessions at once, each with its own names: every one gets 250, every name is kept. */
class ConcurrentSubmissionsIT {

  private static final int SESSIONS = 100;

  @TempDir Path dir;

  @Test
  void hundredConcurrentSessionsAllStored() throws Exception {
    RpzxConfig d = RpzxConfig.defaults();
    RpzxConfig cfg =
        new RpzxConfig(
            dir.resolve("data").toString(),
            new RpzxConfig.Smtp(
                "127.0.0.1:0",
                "mx.test",
                List.of("blocklist@rpzx.test"),
                25L * 1024 * 1024,
                false,
                null,
                null,
                null,
                false,
                10_000,
                "2m",
                200,
                200),
            new RpzxConfig.Dns("127.0.0.1:0", List.of("127.0.0.0/8")),
            new RpzxConfig.Api("127.0.0.1:0"),
            d.zone(),
            d.entries(),
            d.topSites());
    try (RpzxService service = RpzxService.start(cfg)) {
      try (Database db = Database.open(service.dataDir().resolve("rpzx.db"))) {
        Directory directory = new Directory(db, java.time.Clock.systemUTC());
        directory.addInstitution("Uni");
        directory.addSender("cert@uni.example", "Uni");
      }
      ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> replies = new ArrayList<>();
      for (int i = 0; i < SESSIONS; i++) {
        int n = i;
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return send(service.smtpPort(), "s" + n + "-a.example\ns" + n + "-b.example\n");
                }));
      }
      start.countDown();
      for (Future<String> r : replies) {
        assertThat(r.get(120, TimeUnit.SECONDS))
            .matches("250 2\\.0\\.0 submission \\d+: 2 accepted, 0 rejected");
      }
      pool.shutdown();
      assertThat(service.zone().current().nameCount()).isEqualTo(2 * SESSIONS);
      for (int i = 0; i < SESSIONS; i++) {
        assertThat(service.zone().current().contains("s" + i + "-a.example")).isTrue();
      }
      assertThat(service.zone().journal().size())
          .as("coalescing: far fewer serials than submissions")
          .isLessThan(SESSIONS);
    }
  }

  private static String send(int port, String domains) throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", String.valueOf(port));
    props.put("mail.smtp.timeout", "60000");
    Session session = Session.getInstance(props);
    MimeMessage msg = new MimeMessage(session);
    msg.setFrom(new InternetAddress("cert@uni.example"));
    msg.setRecipient(Message.RecipientType.TO, new InternetAddress("blocklist@rpzx.test"));
    MimeBodyPart part = new MimeBodyPart();
    part.setText(domains, "UTF-8");
    part.setFileName("domains.txt");
    MimeMultipart mp = new MimeMultipart(part);
    msg.setContent(mp);
    msg.saveChanges();
    try (Transport t = session.getTransport("smtp")) {
      t.connect();
      t.sendMessage(msg, msg.getAllRecipients());
      return ((SMTPTransport) t).getLastServerResponse().strip();
    }
  }
}
