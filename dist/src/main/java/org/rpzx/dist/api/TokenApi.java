package org.rpzx.dist.api;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rpzx.core.auth.ApiToken;
import org.rpzx.core.auth.TokenLimits;
import org.rpzx.core.auth.TokenService;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.directory.Institution;

/** {@code /api/v1/tokens}: issue (the secret once), list (never secrets) and revoke tokens. */
public final class TokenApi {

  static final Set<String> SCOPES = Set.of("admin", "read", "submit", "report");

  /** {@code POST /api/v1/tokens}; no institution: an operator token. Durations in seconds. */
  public record NewToken(
      String institution,
      List<String> scopes,
      String name,
      Long maxAge,
      Long maxUnusedPeriod,
      List<String> allowedSubnets) {}

  public record TokenView(
      String id,
      String owner,
      String institution,
      List<String> scopes,
      String name,
      Instant created,
      Instant lastUsed,
      Long maxAge,
      Long maxUnusedPeriod,
      List<String> allowedSubnets) {}

  /** The answer to a create: the only time the secret is shown, under {@code token}. */
  public record CreatedToken(TokenView info, String token) {}

  private final TokenService tokens;
  private final Directory directory;

  public TokenApi(TokenService tokens, Directory directory) {
    this.tokens = tokens;
    this.directory = directory;
  }

  public List<Route> routes() {
    return List.of(
        new Route("POST", "/api/v1/tokens", "admin", this::create),
        new Route("GET", "/api/v1/tokens", "admin", r -> ApiResponse.ok(list())),
        new Route("DELETE", "/api/v1/tokens/{id}", "admin", this::revoke));
  }

  private ApiResponse create(ApiRequest r) {
    NewToken body = r.json(NewToken.class);
    if (body.scopes() == null || body.scopes().isEmpty()) {
      throw new ApiError(400, "scopes are required (admin, read, submit, report)");
    }
    Set<String> scopes = new LinkedHashSet<>(body.scopes());
    for (String s : scopes) {
      if (!SCOPES.contains(s)) {
        throw new ApiError(400, "unknown scope '" + s + "' (admin, read, submit, report)");
      }
    }
    String owner = ApiToken.OPERATOR;
    if (body.institution() != null) {
      Institution i =
          directory
              .institution(body.institution())
              .orElseThrow(() -> new ApiError(404, "no institution named " + body.institution()));
      owner = ApiToken.INSTITUTION_PREFIX + i.id();
      if (scopes.contains(ApiToken.ADMIN)) {
        throw new ApiError(400, "the admin scope is for operator tokens only");
      }
    }
    TokenLimits limits;
    try {
      limits =
          new TokenLimits(
              seconds(body.maxAge()), seconds(body.maxUnusedPeriod()), body.allowedSubnets());
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, e.getMessage());
    }
    TokenService.Issued issued;
    try {
      issued = tokens.issue(owner, scopes, body.name(), limits);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, e.getMessage());
    }
    return ApiResponse.created(new CreatedToken(view(issued.token()), issued.secret()));
  }

  private static Duration seconds(Long s) {
    return s == null ? null : Duration.ofSeconds(s);
  }

  private List<TokenView> list() {
    return tokens.list().stream().map(this::view).toList();
  }

  private ApiResponse revoke(ApiRequest r) {
    if (!tokens.revoke(r.param(0))) {
      throw new ApiError(404, "no token " + r.param(0));
    }
    return ApiResponse.ok(java.util.Map.of("revoked", r.param(0)));
  }

  private TokenView view(ApiToken t) {
    String institution = null;
    if (t.owner().startsWith(ApiToken.INSTITUTION_PREFIX)) {
      long id = Long.parseLong(t.owner().substring(ApiToken.INSTITUTION_PREFIX.length()));
      institution =
          directory.institutions().stream()
              .filter(i -> i.id() == id)
              .map(Institution::name)
              .findFirst()
              .orElse(null);
    }
    return new TokenView(
        t.id(),
        t.owner(),
        institution,
        t.scopes().stream().sorted().toList(),
        t.name(),
        t.createdAt(),
        t.lastUsed(),
        t.maxAge() == null ? null : t.maxAge().toSeconds(),
        t.maxUnusedPeriod() == null ? null : t.maxUnusedPeriod().toSeconds(),
        t.allowedSubnets());
  }
}
