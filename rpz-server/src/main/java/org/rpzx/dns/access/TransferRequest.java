package org.rpzx.dns.access;

import java.net.InetAddress;
import java.util.Optional;
import org.xbill.DNS.Name;

/**
 * A zone transfer (or, for {@link TransferAuthorizer#recognise}, an SOA check) asked for: who asks
 * and how. A request whose TSIG failed verification never gets here (it is answered NOTAUTH first),
 * so a key name here is always one whose MAC and time were verified.
 *
 * @param client source address of the query
 * @param qtype 252 (AXFR), 251 (IXFR), or 6 (SOA) for a check
 * @param tcp whether the query came over TCP
 * @param verifiedKey name of the TSIG key the request was signed with and verified against; empty
 *     when unsigned
 */
public record TransferRequest(
    InetAddress client, int qtype, boolean tcp, Optional<Name> verifiedKey) {

  public TransferRequest {
    java.util.Objects.requireNonNull(client, "client");
    java.util.Objects.requireNonNull(verifiedKey, "verifiedKey");
  }

  /** An unsigned request. */
  public static TransferRequest unsigned(InetAddress client, int qtype, boolean tcp) {
    return new TransferRequest(client, qtype, tcp, Optional.empty());
  }

  public boolean signed() {
    return verifiedKey.isPresent();
  }
}
