package org.rpzx.smtp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the SMTP receiver listens and what it accepts.
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
    Duration readTimeout) {

  public static final int DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
  public static final int DEFAULT_MAX_RECIPIENTS = 10;
  public static final int DEFAULT_MAX_CONNECTIONS = 50;
  public static final int DEFAULT_MAX_CONNECTIONS_PER_SOURCE = 5;

  /** RFC 5321 §4.5.3.2.7 asks servers to wait at least five minutes for the client. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(5);

  public SmtpSettings {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(hostName, "hostName");
    Objects.requireNonNull(readTimeout, "readTimeout");
    communityAddresses = List.copyOf(communityAddresses);
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
    if (readTimeout.isNegative()
        || readTimeout.isZero()
        || readTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("readTimeout must be positive and below 24 days");
    }
  }

  /** Settings with every limit at its default. */
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
        DEFAULT_READ_TIMEOUT);
  }

  public SmtpSettings withMaxMessageBytes(int bytes) {
    return new SmtpSettings(
        bindAddress,
        port,
        hostName,
        communityAddresses,
        bytes,
        maxRecipients,
        maxConnections,
        maxConnectionsPerSource,
        readTimeout);
  }

  public SmtpSettings withConnectionLimits(int total, int perSource) {
    return new SmtpSettings(
        bindAddress,
        port,
        hostName,
        communityAddresses,
        maxMessageBytes,
        maxRecipients,
        total,
        perSource,
        readTimeout);
  }

  public SmtpSettings withReadTimeout(Duration timeout) {
    return new SmtpSettings(
        bindAddress,
        port,
        hostName,
        communityAddresses,
        maxMessageBytes,
        maxRecipients,
        maxConnections,
        maxConnectionsPerSource,
        timeout);
  }
}
