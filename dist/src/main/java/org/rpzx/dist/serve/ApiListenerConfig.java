package org.rpzx.dist.serve;

import java.io.IOException;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.rpzx.dist.api.ApiServer;
import org.rpzx.dist.config.ConfigException;
import org.rpzx.dist.config.HostPort;
import org.rpzx.dist.config.RpzxConfig;
import org.rpzx.dns.access.CidrBlock;
import org.rpzx.smtp.SmtpTls;

/**
 * The {@code api:} section as the API listener needs it: the address, the TLS context when {@code
 * tls-certificate} and {@code tls-key} are set (loaded by the same PEM reader as STARTTLS), and the
 * export subnets. {@link org.rpzx.dist.config.ConfigValidator} has already checked presence,
 * readability and syntax; what only loading can find (a file that is not PEM) is a {@link
 * ConfigException} naming the keys.
 */
final class ApiListenerConfig {

  private ApiListenerConfig() {}

  static ApiServer.Listener from(RpzxConfig.Api api) {
    return new ApiServer.Listener(
        HostPort.parse(api.listen()).toSocketAddress(),
        tls(api.tlsCertificate(), api.tlsKey()),
        api.exportAllowedSubnets().stream().map(CidrBlock::parse).toList());
  }

  /** The server's TLS context, or null without a certificate. */
  static SSLContext tls(String certificate, String key) {
    if (certificate == null || certificate.isBlank()) {
      return null;
    }
    try {
      return SmtpTls.fromPem(Path.of(certificate), Path.of(key)).serverContext();
    } catch (IOException e) {
      throw new ConfigException("api.tls-certificate/api.tls-key: cannot read: " + e);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("api.tls-certificate/api.tls-key: " + e.getMessage());
    }
  }
}
