package org.rpzx.core.consumer;

/**
 * Where NOTIFY is sent: an IP literal (never a host name, so nothing is looked up) and a port.
 *
 * @param address canonical IP literal, e.g. {@code 192.0.2.53} or {@code 2001:db8::53}
 * @param port UDP port, 1..65535
 */
public record NotifyTarget(String address, int port) {

  @Override
  public String toString() {
    return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
  }
}
