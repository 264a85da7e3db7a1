package org.rpzx.dist.api;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.rpzx.core.consumer.Consumer;
import org.rpzx.core.consumer.ConsumerActivity;
import org.rpzx.core.consumer.ConsumerRegistry;
import org.rpzx.core.consumer.ConsumerRequest;
import org.rpzx.core.consumer.ConsumerStatus;
import org.rpzx.core.consumer.NotifyTarget;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.Serial;

/**
 * {@code /api/v1/consumers}: the zone's consumers, their TSIG keys and transfer logs. A generated
 * secret is in the answer to the POST that created it and nowhere else in the API.
 */
public final class ConsumerApi {

  /** {@code POST /api/v1/consumers}. */
  public record NewConsumer(
      String name,
      String institution,
      String tsigKey,
      String algorithm,
      List<String> allow,
      List<String> notifyTargets) {}

  /** A consumer's key without its secret. */
  public record KeyView(String name, String algorithm) {}

  /** The transfer log of a consumer. */
  public record TransferLogView(
      Instant lastSoaCheck,
      Long soaSerial,
      String soaClient,
      Instant lastTransfer,
      String transferType,
      Long transferSerial,
      Long transferBytes,
      Long transferMs,
      String transferClient,
      Boolean transferComplete,
      long transfers) {
    static TransferLogView of(ConsumerActivity a) {
      return new TransferLogView(
          a.soaCheckedAt(),
          a.soaSerial(),
          a.soaClient(),
          a.transferAt(),
          a.transferKind() == null ? null : a.transferKind().code(),
          a.transferSerial(),
          a.transferBytes(),
          a.transferDuration() == null ? null : a.transferDuration().toMillis(),
          a.transferClient(),
          a.transferComplete(),
          a.transfers());
    }
  }

  public record ConsumerView(
      String name,
      String institution,
      KeyView tsigKey,
      List<String> allow,
      List<String> notifyTargets,
      Instant created,
      Instant lastContact,
      Long serial,
      String state,
      TransferLogView transferLog) {
    static ConsumerView of(ConsumerStatus s, long zoneSerial) {
      Consumer c = s.consumer();
      ConsumerActivity a = s.activity();
      return new ConsumerView(
          c.name(),
          c.institution(),
          c.key().map(k -> new KeyView(k.name(), k.algorithm().configName())).orElse(null),
          c.subnets(),
          c.notifyTargets().stream().map(NotifyTarget::toString).toList(),
          c.createdAt(),
          a.lastContact(),
          a.heldSerial(),
          stateOf(a, zoneSerial),
          TransferLogView.of(a));
    }
  }

  /** One line of {@code rpzx zone status}: who is behind. */
  public record ConsumerContact(
      String name, String institution, Instant lastContact, Long serial, String state) {
    static ConsumerContact of(ConsumerStatus s, long zoneSerial) {
      ConsumerActivity a = s.activity();
      return new ConsumerContact(
          s.consumer().name(),
          s.consumer().institution(),
          a.lastContact(),
          a.heldSerial(),
          stateOf(a, zoneSerial));
    }
  }

  /** The answer to a POST: the consumer, its secret (this once) and where to transfer from. */
  public record CreatedConsumer(
      ConsumerView consumer, String secret, String zone, String primary, int primaryPort) {}

  private final ConsumerRegistry registry;
  private final PublishedZone zone;
  private final Supplier<InetSocketAddress> primary;
  private final String origin;

  /**
   * @param primary the DNS listener's address, for the configuration snippets of the CLI
   */
  public ConsumerApi(
      ConsumerRegistry registry,
      PublishedZone zone,
      Supplier<InetSocketAddress> primary,
      String origin) {
    this.registry = registry;
    this.zone = zone;
    this.primary = primary;
    this.origin = origin;
  }

  public List<Route> routes() {
    return List.of(
        new Route("GET", "/api/v1/consumers", "admin", r -> list()),
        new Route("POST", "/api/v1/consumers", "admin", this::add),
        new Route("GET", "/api/v1/consumers/{name}", "admin", this::show),
        new Route("DELETE", "/api/v1/consumers/{name}", "admin", this::remove));
  }

  /** {@code up-to-date}, {@code behind} (its last transfer is older), or {@code never}. */
  static String stateOf(ConsumerActivity a, long zoneSerial) {
    Long held = a.heldSerial();
    if (held == null) {
      return "never";
    }
    return held == zoneSerial || Serial.isNewer(held, zoneSerial) ? "up-to-date" : "behind";
  }

  private ApiResponse list() {
    long serial = zone.current().serial();
    return ApiResponse.ok(registry.list().stream().map(s -> ConsumerView.of(s, serial)).toList());
  }

  private ApiResponse add(ApiRequest r) {
    NewConsumer body = r.json(NewConsumer.class);
    if (body.name() == null || body.institution() == null) {
      throw new ApiError(400, "name and institution are required");
    }
    ConsumerRequest request =
        new ConsumerRequest(
            body.name(),
            body.institution(),
            body.tsigKey(),
            body.algorithm(),
            body.allow(),
            body.notifyTargets());
    long serial = zone.current().serial();
    InetSocketAddress dns = primary.get();
    return ControlApi.answer(
        registry.add(request),
        c ->
            new CreatedConsumer(
                ConsumerView.of(new ConsumerStatus(c, ConsumerActivity.NONE), serial),
                c.key().map(k -> k.secretBase64()).orElse(null),
                origin,
                dns.getAddress().getHostAddress(),
                dns.getPort()));
  }

  private ApiResponse show(ApiRequest r) {
    ConsumerStatus s =
        registry
            .show(r.param(0))
            .orElseThrow(() -> new ApiError(404, "no consumer named " + r.param(0)));
    return ApiResponse.ok(ConsumerView.of(s, zone.current().serial()));
  }

  private ApiResponse remove(ApiRequest r) {
    long serial = zone.current().serial();
    return ControlApi.answer(
        registry.remove(r.param(0)),
        c -> ConsumerView.of(new ConsumerStatus(c, ConsumerActivity.NONE), serial),
        200);
  }
}
