package org.rpzx.dist.serve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.SenderCheck;
import org.rpzx.core.submission.SenderIdentity;
import org.rpzx.core.submission.SubmissionOutcome;
import org.rpzx.core.submission.SubmissionPort;
import org.rpzx.core.submission.SubmissionRehearsal;
import org.rpzx.core.submission.SubmissionRequest;
import org.rpzx.core.submission.SyntheticDomains;
import org.rpzx.smtp.SmtpIngestServer;
import org.rpzx.smtp.SmtpReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the JIT for the ingest path once {@code rpzx serve} answers: a few synthetic mails with a
 * large {@code domains.txt} go through the SMTP edge's submission path (MIME, extraction) into a
 * {@link SubmissionRehearsal} (validation, sort, reduction, next snapshot, encodings). Nothing is
 * stored, published or counted. Without it, the first large list after a start waits for the C2
 * compiler (ADR 0013).
 *
 * <p>One daemon thread at the lowest priority, after the listeners started; it finished 2.1–2.6 s
 * after start on a quiet two-core machine, and ends with a full GC so that G1 shrinks the heap
 * again. {@code -Drpzx.warmup=false} turns it off (to measure a cold server).
 */
final class IngestWarmup implements AutoCloseable {

  static final String PROPERTY = "rpzx.warmup";

  /** Enough for C2 to compile the per-line and per-name loops: it compiles after ~10^4 calls. */
  static final int LINES = 150_000;

  static final int ROUNDS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(IngestWarmup.class);
  private static final String SENDER = "warm-up@rpzx.invalid";

  private final SmtpIngestServer smtp;
  private final SubmissionRehearsal rehearsal;
  private final Thread thread;
  private volatile boolean closed;

  IngestWarmup(SmtpIngestServer smtp, SubmissionRehearsal rehearsal) {
    this.smtp = smtp;
    this.rehearsal = rehearsal;
    this.thread = new Thread(this::run, "rpzx-warmup");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
  }

  /** Whether the warm-up runs (the system property {@value #PROPERTY} is not {@code false}). */
  static boolean enabled() {
    return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"));
  }

  void start() {
    thread.start();
  }

  private void run() {
    long started = System.nanoTime();
    SubmissionPort port = new RehearsalPort();
    try {
      for (int round = 0; round < ROUNDS && !closed; round++) {
        String list = SyntheticDomains.text(LINES, round);
        SmtpReply reply = smtp.rehearse(port, new ByteArrayInputStream(message(list, round)));
        LOG.debug("warm-up round {}: {} {}", round, reply.code(), reply.text());
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("ingest warm-up stopped: {}", e.toString());
      return;
    }
    // The rehearsals touched a few hundred MB of young generation; a full collection lets G1
    // shrink the heap again (MaxHeapFreeRatio), so the resident size is back near the loaded
    // zone's.
    System.gc();
    if (!closed) {
      LOG.info(
          "ingest path warmed up: {} synthetic lists of {} lines rehearsed in {} ms, nothing stored",
          ROUNDS,
          LINES,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** A mail as a client would send it; every other round with a base64 attachment. */
  static byte[] message(String list, int round) {
    boolean base64 = round % 2 == 1;
    String body =
        base64
            ? Base64.getMimeEncoder().encodeToString(list.getBytes(StandardCharsets.UTF_8))
            : list.replace("\n", "\r\n");
    String mail =
        "From: "
            + SENDER
            + "\r\nTo: community@rpzx.invalid\r\nSubject: warm-up\r\nMessage-ID: <warm-up-"
            + round
            + "@rpzx.invalid>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\nSee attachment.\r\n--b\r\n"
            + "Content-Type: text/plain; charset=utf-8; name=\"domains.txt\"\r\n"
            + "Content-Disposition: attachment; filename=\"domains.txt\"\r\n"
            + "Content-Transfer-Encoding: "
            + (base64 ? "base64" : "8bit")
            + "\r\n\r\n"
            + body
            + "\r\n--b--\r\n";
    return mail.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    closed = true;
  }

  /** Authorizes anyone and rehearses instead of submitting; refuses, so nothing is reported. */
  private final class RehearsalPort implements SubmissionPort {

    @Override
    public SenderCheck checkSender(String address, AuthMethod method) {
      return new SenderCheck.Authorized(new SenderIdentity(0, "warm-up", address, method));
    }

    @Override
    public SubmissionOutcome submit(SubmissionRequest request) {
      rehearsal.rehearse(request.files());
      return new SubmissionOutcome.Refused("a rehearsal: nothing stored");
    }
  }
}
