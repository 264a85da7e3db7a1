package org.rpzx.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.rpzx.smtp.smime.TrustAnchors;

/**
 * How the SMTP receiver listens, what it accepts and how it protects itself.
 *
 * @param bindAddress address to listen on
 * @param port TCP port; 0 picks a free one ({@link SmtpIngestServer#port()} tells which)
 * @param hostName the name in the greeting and EHLO reply
 * @param communityAddresses the only accepted recipients (one or a short list); local part and
 *     domain are both compared case-insensitively
 * @param maxMessageBytes whole message including encoding; advertised as SIZE, enforced while
 *     streaming (default 25 MiB)
 * @param maxRecipients RCPT commands per transaction
 * @param maxConnections concurrent connections in all; further clients wait in the backlog
 * @param maxConnectionsPerSource concurrent connections from one IP address; more get {@code 421}
 * @param readTimeout how long the server waits for the client's next bytes before it drops the
 *     connection with {@code 421}
 * @param sessionTimeout the longest a connection may last in all, however busy the client keeps it
 *     (a client dripping one byte a second never hits {@code readTimeout}); then {@code 421 4.4.2}
 *     and the connection is closed
 * @param dataTimeout the longest the transfer of one message (DATA or BDAT, from its start to its
 *     end) may take; then {@code 421 4.4.2} and the connection is closed
 * @param messagesPerMinutePerSource mail transactions one source (an IPv4 address or an IPv6 /64)
 *     may start per minute, as a token bucket of that size refilled evenly over the minute; more
 *     get {@code 450 4.7.1} at {@code MAIL}
 * @param tls the certificate for STARTTLS; null: STARTTLS is not offered
 * @param requireTls refuse {@code MAIL} with {@code 530 5.7.0} until the client has issued
 *     STARTTLS; needs {@code tls}
 * @param smimeTrustAnchors the CA certificates S/MIME signer certificates must chain to; empty:
 *     S/MIME is not configured and signed mail is refused (it cannot be verified, and a signature
 *     is never silently ignored)
 */
public record SmtpSettings(
    InetAddress bindAddress,
    int port,
    String hostName,
    List<String> communityAddresses,
    int maxMessageBytes,
    int maxRecipients,
    int maxConnections,
    int maxConnectionsPerSource,
    Duration readTimeout,
    Duration sessionTimeout,
    Duration dataTimeout,
    int messagesPerMinutePerSource,
    SmtpTls tls,
    boolean requireTls,
    List<X509Certificate> smimeTrustAnchors) {

  public static final int DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
  public static final int DEFAULT_MAX_RECIPIENTS = 10;
  public static final int DEFAULT_MAX_CONNECTIONS = 50;
  public static final int DEFAULT_MAX_CONNECTIONS_PER_SOURCE = 5;

  /** RFC 5321 §4.5.3.2.7 asks servers to wait at least five minutes for the client. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(5);

  /** RFC 5321 §4.5.3.2.6 gives the client ten minutes for the end of DATA; a session as long. */
  public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(10);

  /** 25 MiB at 64 kbit/s take about 55 minutes; at 1 Mbit/s under 4: a member's MTA is faster. */
  public static final Duration DEFAULT_DATA_TIMEOUT = Duration.ofMinutes(5);

  /** Submissions come a few a day per institution; a burst of 10 is far above that. */
  public static final int DEFAULT_MESSAGES_PER_MINUTE_PER_SOURCE = 10;

  public SmtpSettings {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(hostName, "hostName");
    communityAddresses = List.copyOf(communityAddresses);
    smimeTrustAnchors = List.copyOf(smimeTrustAnchors);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (hostName.isBlank()) {
      throw new IllegalArgumentException("hostName must not be blank");
    }
    CommunityAddresses.of(communityAddresses); // validates
    if (maxMessageBytes < 1) {
      throw new IllegalArgumentException("maxMessageBytes must be positive");
    }
    if (maxRecipients < 1 || maxConnections < 1 || maxConnectionsPerSource < 1) {
      throw new IllegalArgumentException("recipient and connection limits must be positive");
    }
    checkTimeout(readTimeout, "readTimeout");
    checkTimeout(sessionTimeout, "sessionTimeout");
    checkTimeout(dataTimeout, "dataTimeout");
    if (messagesPerMinutePerSource < 1) {
      throw new IllegalArgumentException("messagesPerMinutePerSource must be positive");
    }
    if (requireTls && tls == null) {
      throw new IllegalArgumentException("requireTls needs a TLS certificate (tls)");
    }
  }

  private static void checkTimeout(Duration timeout, String name) {
    Objects.requireNonNull(timeout, name);
    if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be positive and below 24 days");
    }
  }

  /** Settings with every limit at its default, no TLS and no S/MIME trust anchors. */
  public static SmtpSettings of(
      InetAddress bindAddress, int port, String hostName, List<String> communityAddresses) {
    return new SmtpSettings(
        bindAddress,
        port,
        hostName,
        communityAddresses,
        DEFAULT_MAX_MESSAGE_BYTES,
        DEFAULT_MAX_RECIPIENTS,
        DEFAULT_MAX_CONNECTIONS,
        DEFAULT_MAX_CONNECTIONS_PER_SOURCE,
        DEFAULT_READ_TIMEOUT,
        DEFAULT_SESSION_TIMEOUT,
        DEFAULT_DATA_TIMEOUT,
        DEFAULT_MESSAGES_PER_MINUTE_PER_SOURCE,
        null,
        false,
        List.of());
  }

  /** Whether S/MIME signatures can be verified (trust anchors are configured). */
  public boolean smimeConfigured() {
    return !smimeTrustAnchors.isEmpty();
  }

  public SmtpSettings withMaxMessageBytes(int bytes) {
    return copy().maxMessageBytes(bytes).build();
  }

  public SmtpSettings withMaxRecipients(int recipients) {
    return copy().maxRecipients(recipients).build();
  }

  public SmtpSettings withConnectionLimits(int total, int perSource) {
    return copy().connections(total, perSource).build();
  }

  public SmtpSettings withReadTimeout(Duration timeout) {
    return copy().readTimeout(timeout).build();
  }

  /** The limit on the whole session and the one on the transfer of one message. */
  public SmtpSettings withDeadlines(Duration session, Duration data) {
    return copy().deadlines(session, data).build();
  }

  public SmtpSettings withMessagesPerMinutePerSource(int messages) {
    return copy().messagesPerMinute(messages).build();
  }

  /** Offers STARTTLS with {@code certificate}; {@code required} refuses MAIL before it. */
  public SmtpSettings withTls(SmtpTls certificate, boolean required) {
    return copy().tls(certificate, required).build();
  }

  public SmtpSettings withSmimeTrustAnchors(List<X509Certificate> anchors) {
    return copy().anchors(anchors).build();
  }

  /**
   * Loads the S/MIME trust anchors from a PEM bundle ({@link TrustAnchors#load}).
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when it holds no certificate or something else than
   *     certificates
   */
  public SmtpSettings withSmimeTrustAnchors(Path pemBundle) throws IOException {
    return withSmimeTrustAnchors(TrustAnchors.load(pemBundle));
  }

  private Copy copy() {
    return new Copy(this);
  }

  /** A mutable copy for the {@code with...} methods; validation happens in {@link #build}. */
  private static final class Copy {
    private final SmtpSettings s;
    private int maxMessageBytes;
    private int maxRecipients;
    private int maxConnections;
    private int maxConnectionsPerSource;
    private Duration readTimeout;
    private Duration sessionTimeout;
    private Duration dataTimeout;
    private int messagesPerMinute;
    private SmtpTls tls;
    private boolean requireTls;
    private List<X509Certificate> anchors;

    Copy(SmtpSettings s) {
      this.s = s;
      maxMessageBytes = s.maxMessageBytes;
      maxRecipients = s.maxRecipients;
      maxConnections = s.maxConnections;
      maxConnectionsPerSource = s.maxConnectionsPerSource;
      readTimeout = s.readTimeout;
      sessionTimeout = s.sessionTimeout;
      dataTimeout = s.dataTimeout;
      messagesPerMinute = s.messagesPerMinutePerSource;
      tls = s.tls;
      requireTls = s.requireTls;
      anchors = s.smimeTrustAnchors;
    }

    Copy maxMessageBytes(int v) {
      maxMessageBytes = v;
      return this;
    }

    Copy maxRecipients(int v) {
      maxRecipients = v;
      return this;
    }

    Copy connections(int total, int perSource) {
      maxConnections = total;
      maxConnectionsPerSource = perSource;
      return this;
    }

    Copy readTimeout(Duration v) {
      readTimeout = v;
      return this;
    }

    Copy deadlines(Duration session, Duration data) {
      sessionTimeout = session;
      dataTimeout = data;
      return this;
    }

    Copy messagesPerMinute(int v) {
      messagesPerMinute = v;
      return this;
    }

    Copy tls(SmtpTls v, boolean required) {
      tls = v;
      requireTls = required;
      return this;
    }

    Copy anchors(List<X509Certificate> v) {
      anchors = v;
      return this;
    }

    SmtpSettings build() {
      return new SmtpSettings(
          s.bindAddress,
          s.port,
          s.hostName,
          s.communityAddresses,
          maxMessageBytes,
          maxRecipients,
          maxConnections,
          maxConnectionsPerSource,
          readTimeout,
          sessionTimeout,
          dataTimeout,
          messagesPerMinute,
          tls,
          requireTls,
          anchors);
    }
  }
}
