package org.rpzx.dns.tsig;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Name;

/**
 * Where TSIG keys come from (the store, implemented outside this module). Called on I/O threads for
 * every signed message: must be thread-safe, quick and must not throw.
 */
@FunctionalInterface
public interface TsigKeyring {

  /** No keys: every signed request is answered NOTAUTH/BADKEY. */
  TsigKeyring NONE = name -> Optional.empty();

  /** The key of that name (compared case-insensitively), if it exists and is enabled. */
  Optional<TsigKey> find(Name keyName);

  /** A fixed keyring. */
  static TsigKeyring of(Collection<TsigKey> keys) {
    Map<Name, TsigKey> byName = new HashMap<>();
    for (TsigKey k : keys) {
      if (byName.put(k.name(), k) != null) {
        throw new IllegalArgumentException("duplicate TSIG key name: " + k.name());
      }
    }
    Map<Name, TsigKey> copy = Map.copyOf(byName);
    return name -> Optional.ofNullable(copy.get(name));
  }

  static TsigKeyring of(TsigKey... keys) {
    return of(java.util.List.of(keys));
  }
}
