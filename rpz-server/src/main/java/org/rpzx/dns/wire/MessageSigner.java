package org.rpzx.dns.wire;

/**
 * Signs encoded response messages in place (TSIG, RFC 8945): appends a record after the message and
 * counts it in ARCOUNT. One signer per response; a multi-message response is signed in order, each
 * message chained to the one before (RFC 8945 §5.3.1). Not thread-safe.
 */
public interface MessageSigner {

  /** Leaves messages unsigned. */
  MessageSigner NONE =
      new MessageSigner() {
        @Override
        public int reserve() {
          return 0;
        }

        @Override
        public int sign(byte[] buf, int offset, int length) {
          return length;
        }
      };

  /** Bytes every message must keep free at its end for what {@link #sign} appends. */
  int reserve();

  /**
   * Signs the complete message {@code buf[offset, offset + length)} and appends the signature
   * record; the array has room for {@link #reserve()} more bytes.
   *
   * @return the new message length
   */
  int sign(byte[] buf, int offset, int length);
}
