package org.rpzx.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code admin} implies every scope, but only on an operator-owned token. */
class ApiTokenScopeTest {

  private static ApiToken token(String owner, String... scopes) {
    return new ApiToken("id", owner, Set.of(scopes), null, Instant.EPOCH, null, null, null, null);
  }

  @Test
  void adminCountsOnlyForTheOperator() {
    ApiToken operator = token(ApiToken.OPERATOR, "admin");
    assertThat(operator.hasScope("admin")).isTrue();
    assertThat(operator.hasScope("read")).isTrue();
    assertThat(operator.hasScope("submit")).isTrue();

    ApiToken institutionAdmin = token("institution:7", "admin", "read");
    assertThat(institutionAdmin.hasScope("admin")).isFalse();
    assertThat(institutionAdmin.hasScope("read")).isTrue();
    assertThat(institutionAdmin.hasScope("submit")).as("admin implies nothing here").isFalse();

    ApiToken reader = token(ApiToken.OPERATOR, "read");
    assertThat(reader.hasScope("read")).isTrue();
    assertThat(reader.hasScope("admin")).isFalse();
  }
}
