package org.rpzx.smtp.mime;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;

/**
 * Reads the one sender address from the header {@code From} (RFC 5322 §3.6.2): exactly one field
 * naming exactly one mailbox, display names and encoded words allowed. Anything else cannot
 * identify a submitter and is refused with a reason for the sender.
 */
final class FromHeader {
  private FromHeader() {}

  /** The address, or the reason there is none. Exactly one of the two is non-null. */
  record Result(String address, String problem) {}

  static Result parse(HeaderBlock headers) {
    List<String> values = headers.all("From");
    if (values.isEmpty()) {
      return problem("the message has no From header");
    }
    if (values.size() > 1) {
      return problem("the message has " + values.size() + " From headers; exactly one is required");
    }
    InternetAddress[] addresses;
    try {
      addresses = InternetAddress.parseHeader(values.get(0), false);
    } catch (AddressException | RuntimeException e) {
      return problem("the From header is not a valid address");
    }
    if (addresses.length == 0) {
      return problem("the From header names no address");
    }
    if (addresses.length > 1) {
      return problem(
          "the From header names " + addresses.length + " addresses; exactly one is required");
    }
    InternetAddress a = addresses[0];
    if (a.isGroup()) {
      return problem("the From header is a group; exactly one address is required");
    }
    String address = a.getAddress() == null ? "" : a.getAddress().strip();
    try {
      a.validate();
    } catch (AddressException | RuntimeException e) {
      return problem("the From header is not a valid address");
    }
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1) {
      return problem("the From header is not a valid address");
    }
    return new Result(address, null);
  }

  private static Result problem(String why) {
    return new Result(null, why);
  }
}
