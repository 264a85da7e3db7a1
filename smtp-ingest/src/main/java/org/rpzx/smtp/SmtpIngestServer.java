package org.rpzx.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.rpzx.core.submission.SubmissionPort;
import org.rpzx.smtp.mime.AttachmentExtractor;
import org.rpzx.smtp.mime.MimeLimits;
import org.rpzx.smtp.smime.SmimeVerifier;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The SMTP receiver of SPEC §2: accepts mail for the community addresses, reads every {@code
 * domains.txt} while streaming, verifies S/MIME signatures and hands submissions to core through a
 * {@link SubmissionPort}. Protected by a size limit, connection limits (in all and per source), a
 * per-read timeout, session and DATA deadlines and a per-source message rate; offers STARTTLS when
 * a certificate is configured.
 *
 * <pre>{@code
 * try (SmtpIngestServer smtp = new SmtpIngestServer(settings, port)) {
 *   smtp.start();
 *   int bound = smtp.port(); // the real port when settings.port() was 0
 *   ...
 * }
 * }</pre>
 */
public final class SmtpIngestServer implements AutoCloseable {

  private static final AtomicInteger SESSION_THREADS = new AtomicInteger();

  private final SmtpSettings settings;
  private final SMTPServer server;
  private final ConnectionGuard guard;
  private boolean started;
  private boolean closed;

  public SmtpIngestServer(SmtpSettings settings, SubmissionPort port) {
    this(settings, port, SmtpEventListener.NONE);
  }

  /** With a listener that hears sessions and replies (metrics). */
  public SmtpIngestServer(SmtpSettings settings, SubmissionPort port, SmtpEventListener events) {
    this(settings, port, events, ReportIntake.none(), Clock.systemUTC());
  }

  /**
   * Also taking false-positive reports by mail to {@code reports}' addresses (SPEC §8): their
   * senders are authorized as submitters by {@code port}, the reports filed through {@code
   * reports}' port.
   *
   * @throws IllegalArgumentException when a report address is also a community address
   */
  public SmtpIngestServer(
      SmtpSettings settings, SubmissionPort port, SmtpEventListener events, ReportIntake reports) {
    this(settings, port, events, reports, Clock.systemUTC());
  }

  /** With the clock S/MIME certificates are checked against (tests). */
  SmtpIngestServer(SmtpSettings settings, SubmissionPort port, Clock clock) {
    this(settings, port, SmtpEventListener.NONE, ReportIntake.none(), clock);
  }

  private SmtpIngestServer(
      SmtpSettings settings,
      SubmissionPort port,
      SmtpEventListener events,
      ReportIntake reports,
      Clock clock) {
    this.settings = settings;
    CommunityAddresses community = CommunityAddresses.of(settings.communityAddresses());
    SmimeVerifier verifier =
        settings.smimeConfigured() ? new SmimeVerifier(settings.smimeTrustAnchors(), clock) : null;
    MimeLimits limits = MimeLimits.forMessageLimit(settings.maxMessageBytes());
    SubmissionFlow flow = new SubmissionFlow(port, new AttachmentExtractor(limits), verifier);
    CommunityAddresses reportAddresses = null;
    ReportFlow reportFlow = null;
    if (reports.enabled()) {
      reportAddresses = CommunityAddresses.of(reports.addresses());
      for (String a : reports.addresses()) {
        if (community.accepts(a)) {
          throw new IllegalArgumentException(
              a + " is both a community address and a report address");
        }
      }
      reportFlow =
          new ReportFlow(port, reports.port(), AttachmentExtractor.forReports(limits), verifier);
    }
    CommunityAddresses toReports = reportAddresses;
    ReportFlow reportHandler = reportFlow;
    SourceRateLimiter rateLimiter = new SourceRateLimiter(settings.messagesPerMinutePerSource());
    this.guard =
        new ConnectionGuard(
            settings.maxConnectionsPerSource(),
            settings.sessionTimeout(),
            settings.hostName(),
            events);
    SMTPServer.Builder builder =
        SMTPServer.port(settings.port())
            .bindAddress(settings.bindAddress())
            .hostName(settings.hostName())
            .softwareName("rpzx")
            .messageHandlerFactory(
                ctx ->
                    new SubmissionMessageHandler(
                        ctx,
                        community,
                        flow,
                        settings,
                        rateLimiter,
                        guard.clockOf(ctx),
                        events,
                        toReports,
                        reportHandler))
            .maxMessageSize(settings.maxMessageBytes())
            .maxRecipients(settings.maxRecipients())
            .maxConnections(settings.maxConnections())
            .sessionHandler(guard)
            .connectionTimeout((int) settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .insertReceivedHeaders(false)
            .serverThreadName("rpzx-smtp")
            // sessions are bulk work: below the DNS query threads where the JVM applies
            // priorities (the launcher's -XX:ThreadPriorityPolicy=1); shut down by SubEthaSMTP
            .executorService(Executors.newCachedThreadPool(SmtpIngestServer::sessionThread));
    if (settings.tls() != null) {
      // requireTLS stays off: SubEthaSMTP's own refusal lacks the enhanced status code, so the
      // message handler refuses MAIL itself with 530 5.7.0
      builder.enableTLS().startTlsSocketFactory(settings.tls()::wrap);
    }
    this.server = builder.build();
    // DATA read in blocks: SubEthaSMTP's own command reads a 25 MB message byte by byte (~0.2 s of
    // CPU on the session thread, which is the bottleneck while a large message streams in)
    BulkDataCommand.install(server.getCommandHandler());
  }

  private static Thread sessionThread(Runnable r) {
    Thread t = new Thread(r, "rpzx-smtp-session-" + SESSION_THREADS.incrementAndGet());
    t.setPriority(Thread.MIN_PRIORITY);
    return t;
  }

  /**
   * Binds and starts accepting connections.
   *
   * @throws IOException when the address cannot be bound
   * @throws IllegalStateException when already started or closed
   */
  public synchronized void start() throws IOException {
    if (started || closed) {
      throw new IllegalStateException("an SmtpIngestServer starts once");
    }
    try {
      server.start();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (RuntimeException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
    started = true;
  }

  /** The bound TCP port (the real one when the settings asked for port 0). */
  public synchronized int port() {
    if (!started) {
      throw new IllegalStateException("not started");
    }
    return server.getPortAllocated();
  }

  public SmtpSettings settings() {
    return settings;
  }

  /**
   * Runs {@code message} (as it would arrive after DATA) through the submission path of this
   * server's settings, MIME and extraction, the sender check and the submission, against {@code
   * port} instead of the server's: {@code rpzx serve}'s JIT warm-up hands a port that rehearses and
   * stores nothing. No connection, session or metrics are involved.
   *
   * @return the reply a client would have got
   */
  public SmtpReply rehearse(SubmissionPort port, InputStream message) throws IOException {
    MimeLimits limits = MimeLimits.forMessageLimit(settings.maxMessageBytes());
    return new SubmissionFlow(port, new AttachmentExtractor(limits)).process(message);
  }

  /** Stops accepting and closes the listener; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (started) {
      server.stop();
    }
    guard.close();
  }
}
