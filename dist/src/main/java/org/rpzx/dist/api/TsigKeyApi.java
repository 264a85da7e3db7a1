package org.rpzx.dist.api;

import java.time.Instant;
import java.util.List;
import org.rpzx.core.consumer.ConsumerRegistry;
import org.rpzx.core.consumer.TsigKeyInfo;

/**
 * {@code /api/v1/tsig-keys}: the consumers' TSIG keys (never a secret in a listing) and their
 * rotation, whose answer is the only place the new secret appears. Keys are created with their
 * consumer ({@code POST /api/v1/consumers} with {@code tsig_key}) and removed with it.
 */
public final class TsigKeyApi {

  /** {@code POST /api/v1/tsig-keys/{name}/rotate}, body optional: a new algorithm. */
  public record Rotation(String algorithm) {}

  public record TsigKeyView(
      String name, String algorithm, String consumer, String institution, Instant created) {
    static TsigKeyView of(TsigKeyInfo k) {
      return new TsigKeyView(
          k.name(), k.algorithm().configName(), k.consumer(), k.institution(), k.createdAt());
    }
  }

  /** The answer to a rotation: the key and its new secret, this once. */
  public record RotatedKeyView(TsigKeyView key, String secret) {}

  private final ConsumerRegistry registry;

  public TsigKeyApi(ConsumerRegistry registry) {
    this.registry = registry;
  }

  public List<Route> routes() {
    return List.of(
        new Route("GET", "/api/v1/tsig-keys", "admin", r -> list()),
        new Route("POST", "/api/v1/tsig-keys/{name}/rotate", "admin", this::rotate));
  }

  private ApiResponse list() {
    return ApiResponse.ok(registry.keys().stream().map(TsigKeyView::of).toList());
  }

  private ApiResponse rotate(ApiRequest r) {
    String algorithm = r.body().length == 0 ? null : r.json(Rotation.class).algorithm();
    return ControlApi.answer(
        registry.rotateKey(r.decodedParam(0), algorithm),
        k -> new RotatedKeyView(TsigKeyView.of(k.info()), k.key().secretBase64()),
        200);
  }
}
