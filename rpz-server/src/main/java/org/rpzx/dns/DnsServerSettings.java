package org.rpzx.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.rpzx.dns.access.CidrBlock;
import org.rpzx.dns.ratelimit.RateLimitSettings;

/**
 * Listener parameters of the DNS server.
 *
 * @param listen address and port for both UDP and TCP; port 0 picks a free one (the same number for
 *     both when possible)
 * @param allowTransfer sources allowed to AXFR/IXFR; default loopback only
 * @param tcpIdleTimeout a TCP connection with no read or write for this long is closed
 * @param maxTcpConnections open TCP connections beyond this are closed at once
 * @param maxUdpPayload largest UDP response, also the EDNS(0) payload size advertised
 * @param transferMessageBytes size of one AXFR/IXFR message over TCP
 * @param maxQueuedQueries pipelined queries queued per connection before reading pauses
 * @param ioThreads event-loop threads for TCP, that is for transfers (0: the number of processors)
 * @param udpThreads event-loop threads for UDP, each with its own socket on the port where the OS
 *     allows {@code SO_REUSEPORT} (0: the number of processors); kept apart from the TCP threads so
 *     that transfers never delay UDP answers
 * @param transferEncoders transfers that encode at the same time, server-wide; the others wait
 *     their turn (0: one less than the processors, at least one), so that transfers leave a
 *     processor to the answering of queries
 * @param rateLimit UDP response rate limiting
 */
public record DnsServerSettings(
    InetSocketAddress listen,
    List<CidrBlock> allowTransfer,
    Duration tcpIdleTimeout,
    int maxTcpConnections,
    int maxUdpPayload,
    int transferMessageBytes,
    int maxQueuedQueries,
    int ioThreads,
    int udpThreads,
    int transferEncoders,
    RateLimitSettings rateLimit) {

  /** Loopback, IPv4 and IPv6: the default transfer ACL. */
  public static final List<CidrBlock> LOOPBACK =
      List.of(CidrBlock.parse("127.0.0.0/8"), CidrBlock.parse("::1/128"));

  /** Unprivileged default; 5353 would collide with multicast DNS. */
  public static final int DEFAULT_PORT = 5053;

  /**
   * 16 KiB per transfer message: every offset in it can be a compression pointer target (RFC 1035
   * pointers reach 0x3FFF), which measured smaller and faster than 64 KiB messages.
   */
  public static final int DEFAULT_TRANSFER_MESSAGE_BYTES = 16_384;

  public DnsServerSettings {
    Objects.requireNonNull(listen, "listen");
    allowTransfer = List.copyOf(allowTransfer);
    Objects.requireNonNull(tcpIdleTimeout, "tcpIdleTimeout");
    if (tcpIdleTimeout.isNegative() || tcpIdleTimeout.isZero()) {
      throw new IllegalArgumentException("TCP idle timeout must be positive");
    }
    if (maxTcpConnections < 1) {
      throw new IllegalArgumentException("maxTcpConnections must be positive");
    }
    if (maxUdpPayload < 512 || maxUdpPayload > 65535) {
      throw new IllegalArgumentException("maxUdpPayload must be within 512..65535");
    }
    if (transferMessageBytes < 512 || transferMessageBytes > 65535) {
      throw new IllegalArgumentException("transferMessageBytes must be within 512..65535");
    }
    if (maxQueuedQueries < 1) {
      throw new IllegalArgumentException("maxQueuedQueries must be positive");
    }
    if (ioThreads < 0) {
      throw new IllegalArgumentException("ioThreads must not be negative");
    }
    if (udpThreads < 0) {
      throw new IllegalArgumentException("udpThreads must not be negative");
    }
    if (transferEncoders < 0) {
      throw new IllegalArgumentException("transferEncoders must not be negative");
    }
    Objects.requireNonNull(rateLimit, "rateLimit");
  }

  /**
   * Defaults: 127.0.0.1 port {@value #DEFAULT_PORT}, transfers from loopback, 30 s idle timeout
   * (RFC 7766 §6.2.3 suggests seconds, not minutes), 256 connections, 1232-byte UDP payload (the
   * DNS flag day 2020 value that avoids IP fragmentation), 16 KiB transfer messages, response rate
   * limiting per {@link RateLimitSettings#defaults()}.
   */
  public static DnsServerSettings defaults() {
    return new DnsServerSettings(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), DEFAULT_PORT),
        LOOPBACK,
        Duration.ofSeconds(30),
        256,
        1232,
        DEFAULT_TRANSFER_MESSAGE_BYTES,
        64,
        0,
        0,
        0,
        RateLimitSettings.defaults());
  }

  public DnsServerSettings withListen(InetSocketAddress address) {
    return new DnsServerSettings(
        address,
        allowTransfer,
        tcpIdleTimeout,
        maxTcpConnections,
        maxUdpPayload,
        transferMessageBytes,
        maxQueuedQueries,
        ioThreads,
        udpThreads,
        transferEncoders,
        rateLimit);
  }

  public DnsServerSettings withAllowTransfer(List<CidrBlock> blocks) {
    return new DnsServerSettings(
        listen,
        blocks,
        tcpIdleTimeout,
        maxTcpConnections,
        maxUdpPayload,
        transferMessageBytes,
        maxQueuedQueries,
        ioThreads,
        udpThreads,
        transferEncoders,
        rateLimit);
  }

  public DnsServerSettings withTcpIdleTimeout(Duration timeout) {
    return new DnsServerSettings(
        listen,
        allowTransfer,
        timeout,
        maxTcpConnections,
        maxUdpPayload,
        transferMessageBytes,
        maxQueuedQueries,
        ioThreads,
        udpThreads,
        transferEncoders,
        rateLimit);
  }

  public DnsServerSettings withMaxTcpConnections(int max) {
    return new DnsServerSettings(
        listen,
        allowTransfer,
        tcpIdleTimeout,
        max,
        maxUdpPayload,
        transferMessageBytes,
        maxQueuedQueries,
        ioThreads,
        udpThreads,
        transferEncoders,
        rateLimit);
  }

  public DnsServerSettings withMaxUdpPayload(int bytes) {
    return new DnsServerSettings(
        listen,
        allowTransfer,
        tcpIdleTimeout,
        maxTcpConnections,
        bytes,
        transferMessageBytes,
        maxQueuedQueries,
        ioThreads,
        udpThreads,
        transferEncoders,
        rateLimit);
  }

  public DnsServerSettings withTransferMessageBytes(int bytes) {
    return new DnsServerSettings(
        listen,
        allowTransfer,
        tcpIdleTimeout,
        maxTcpConnections,
        maxUdpPayload,
        bytes,
        maxQueuedQueries,
        ioThreads,
        udpThreads,
        transferEncoders,
        rateLimit);
  }

  public DnsServerSettings withMaxQueuedQueries(int max) {
    return new DnsServerSettings(
        listen,
        allowTransfer,
        tcpIdleTimeout,
        maxTcpConnections,
        maxUdpPayload,
        transferMessageBytes,
        max,
        ioThreads,
        udpThreads,
        transferEncoders,
        rateLimit);
  }

  public DnsServerSettings withIoThreads(int threads) {
    return new DnsServerSettings(
        listen,
        allowTransfer,
        tcpIdleTimeout,
        maxTcpConnections,
        maxUdpPayload,
        transferMessageBytes,
        maxQueuedQueries,
        threads,
        udpThreads,
        transferEncoders,
        rateLimit);
  }

  public DnsServerSettings withUdpThreads(int threads) {
    return new DnsServerSettings(
        listen,
        allowTransfer,
        tcpIdleTimeout,
        maxTcpConnections,
        maxUdpPayload,
        transferMessageBytes,
        maxQueuedQueries,
        ioThreads,
        threads,
        transferEncoders,
        rateLimit);
  }

  public DnsServerSettings withTransferEncoders(int encoders) {
    return new DnsServerSettings(
        listen,
        allowTransfer,
        tcpIdleTimeout,
        maxTcpConnections,
        maxUdpPayload,
        transferMessageBytes,
        maxQueuedQueries,
        ioThreads,
        udpThreads,
        encoders,
        rateLimit);
  }

  /** {@link #transferEncoders()}, or one less than the processors (at least 1) for 0. */
  public int effectiveTransferEncoders() {
    return transferEncoders > 0
        ? transferEncoders
        : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  /** {@link #ioThreads()}, or the number of processors for 0. */
  public int effectiveIoThreads() {
    return ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors();
  }

  /** {@link #udpThreads()}, or the number of processors for 0. */
  public int effectiveUdpThreads() {
    return udpThreads > 0 ? udpThreads : Runtime.getRuntime().availableProcessors();
  }

  public DnsServerSettings withRateLimit(RateLimitSettings limit) {
    return new DnsServerSettings(
        listen,
        allowTransfer,
        tcpIdleTimeout,
        maxTcpConnections,
        maxUdpPayload,
        transferMessageBytes,
        maxQueuedQueries,
        ioThreads,
        udpThreads,
        transferEncoders,
        limit);
  }
}
