package org.rpzx.dns;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import org.rpzx.core.zone.ZoneView;
import org.rpzx.dns.access.CidrMatcher;
import org.rpzx.dns.access.ConsumerDirectory;
import org.rpzx.dns.access.TransferAuthorizer;
import org.rpzx.dns.query.QueryProcessor;
import org.rpzx.dns.query.TransferLog;
import org.rpzx.dns.tsig.TsigKeyring;

/**
 * Assembles a {@link DnsServer}. Without further calls: no TSIG keys, no consumers (transfers from
 * {@link DnsServerSettings#allowTransfer()} only), no transfer log.
 *
 * <pre>{@code
 * DnsServer server = DnsServer.builder(zone, settings)
 *     .keyring(keyring)          // TSIG keys (verify requests, sign answers)
 *     .consumers(directory)      // the default transfer rules over the consumers
 *     .transferLog(log)          // SOA checks and transfers, per consumer
 *     .start();
 * }</pre>
 */
public final class DnsServerBuilder {

  private final ZoneView zone;
  private final DnsServerSettings settings;
  private TsigKeyring keyring = TsigKeyring.NONE;
  private ConsumerDirectory consumers = ConsumerDirectory.NONE;
  private TransferAuthorizer authorizer;
  private TransferLog log = TransferLog.NONE;
  private Clock clock = Clock.systemUTC();

  DnsServerBuilder(ZoneView zone, DnsServerSettings settings) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** TSIG keys; a signed request with a key not in it is answered NOTAUTH/BADKEY. */
  public DnsServerBuilder keyring(TsigKeyring keyring) {
    this.keyring = Objects.requireNonNull(keyring);
    return this;
  }

  /**
   * The consumers for the default transfer rules ({@link
   * org.rpzx.dns.access.ConsumerTransferAuthorizer} with the settings' allow-transfer subnets).
   */
  public DnsServerBuilder consumers(ConsumerDirectory consumers) {
    this.consumers = Objects.requireNonNull(consumers);
    return this;
  }

  /** Replaces the default transfer rules altogether. */
  public DnsServerBuilder authorizer(TransferAuthorizer authorizer) {
    this.authorizer = Objects.requireNonNull(authorizer);
    return this;
  }

  public DnsServerBuilder transferLog(TransferLog log) {
    this.log = Objects.requireNonNull(log);
    return this;
  }

  /** Time for TSIG (tests); the system clock by default. */
  public DnsServerBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    return this;
  }

  /**
   * Binds the listeners and starts serving.
   *
   * @throws IOException when a listener cannot be bound (nothing is left running then)
   */
  public DnsServer start() throws IOException {
    TransferAuthorizer rules =
        authorizer != null
            ? authorizer
            : TransferAuthorizer.forConsumers(new CidrMatcher(settings.allowTransfer()), consumers);
    QueryProcessor processor =
        new QueryProcessor(
            zone,
            rules,
            log,
            keyring,
            clock,
            settings.maxUdpPayload(),
            settings.transferMessageBytes());
    return DnsServer.start(settings, processor);
  }
}
