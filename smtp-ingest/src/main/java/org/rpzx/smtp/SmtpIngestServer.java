package org.rpzx.smtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.rpzx.core.submission.SubmissionPort;
import org.rpzx.smtp.mime.AttachmentExtractor;
import org.rpzx.smtp.mime.MimeLimits;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.SessionHandler;

/**
 * The SMTP receiver of SPEC §2: accepts mail for the community addresses, reads every {@code
 * domains.txt} while streaming and hands submissions to core through a {@link SubmissionPort}.
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

  private final SmtpSettings settings;
  private final SMTPServer server;
  private boolean started;
  private boolean closed;

  public SmtpIngestServer(SmtpSettings settings, SubmissionPort port) {
    this.settings = settings;
    CommunityAddresses community = CommunityAddresses.of(settings.communityAddresses());
    SubmissionFlow flow =
        new SubmissionFlow(
            port, new AttachmentExtractor(MimeLimits.forMessageLimit(settings.maxMessageBytes())));
    int maxBytes = settings.maxMessageBytes();
    this.server =
        SMTPServer.port(settings.port())
            .bindAddress(settings.bindAddress())
            .hostName(settings.hostName())
            .softwareName("rpzx")
            .messageHandlerFactory(
                ctx -> new SubmissionMessageHandler(ctx, community, flow, maxBytes))
            .maxMessageSize(maxBytes)
            .maxRecipients(settings.maxRecipients())
            .maxConnections(settings.maxConnections())
            .sessionHandler(
                SessionHandler.limitConcurrentSessionsBySource(settings.maxConnectionsPerSource()))
            .connectionTimeout((int) settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .insertReceivedHeaders(false)
            .serverThreadName("rpzx-smtp")
            .build();
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
  }
}
