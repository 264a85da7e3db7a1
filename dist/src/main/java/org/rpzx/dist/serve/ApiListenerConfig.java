package org.rpzx.dist.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.rpzx.dist.api.ApiServer;
import org.rpzx.dist.config.ConfigException;
import org.rpzx.dist.config.HostPort;
import org.rpzx.dist.config.RpzxConfig;
import org.rpzx.dns.access.CidrBlock;
import org.rpzx.smtp.SmtpTls;

/**
 * The {@code api:} section as the API listener needs it: the address, the TLS context when {@code
 * tls-certificate} and {@code tls-key} are both set (loaded by the same PEM reader as STARTTLS),
 * and the export subnets. Every problem is a {@link ConfigException} that names its key.
 */
final class ApiListenerConfig {

  private ApiListenerConfig() {}

  static ApiServer.Listener from(RpzxConfig.Api api) {
    return new ApiServer.Listener(
        HostPort.parse(api.listen()).toSocketAddress(),
        tls(api.tlsCertificate(), api.tlsKey()),
        subnets(api.exportAllowedSubnets()));
  }

  /** The server's TLS context, or null when neither key is set. */
  static SSLContext tls(String certificate, String key) {
    boolean hasCertificate = certificate != null && !certificate.isBlank();
    boolean hasKey = key != null && !key.isBlank();
    if (!hasCertificate && !hasKey) {
      return null;
    }
    if (!hasKey) {
      throw new ConfigException("api.tls-key is required when api.tls-certificate is set");
    }
    if (!hasCertificate) {
      throw new ConfigException("api.tls-certificate is required when api.tls-key is set");
    }
    Path certificateFile = readable(certificate, "api.tls-certificate");
    Path keyFile = readable(key, "api.tls-key");
    try {
      return SmtpTls.fromPem(certificateFile, keyFile).serverContext();
    } catch (IOException e) {
      throw new ConfigException("api.tls-certificate/api.tls-key: cannot read: " + e);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("api.tls-certificate/api.tls-key: " + e.getMessage());
    }
  }

  private static Path readable(String file, String configKey) {
    Path path = Path.of(file);
    if (!Files.isReadable(path)) {
      throw new ConfigException(configKey + ": cannot read " + path);
    }
    return path;
  }

  static List<CidrBlock> subnets(List<String> cidrs) {
    List<CidrBlock> blocks = new ArrayList<>();
    for (String cidr : cidrs == null ? List.<String>of() : cidrs) {
      try {
        blocks.add(CidrBlock.parse(cidr));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("api.export-allowed-subnets: " + e.getMessage());
      }
    }
    return blocks;
  }
}
