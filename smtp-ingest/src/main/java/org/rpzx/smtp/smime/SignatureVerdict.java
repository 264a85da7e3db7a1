package org.rpzx.smtp.smime;

import java.security.cert.X509Certificate;
import java.util.Objects;

/** Whether an S/MIME signature proves who sent a message: a value, never an exception. */
public sealed interface SignatureVerdict {

  /** Valid, by a trusted certificate for {@code address} (the header From). */
  record Valid(String address, X509Certificate certificate) implements SignatureVerdict {
    public Valid {
      Objects.requireNonNull(address);
      Objects.requireNonNull(certificate);
    }
  }

  /** Not valid; {@code reason} is written for the sender. */
  record Invalid(String reason) implements SignatureVerdict {
    public Invalid {
      Objects.requireNonNull(reason);
    }
  }
}
