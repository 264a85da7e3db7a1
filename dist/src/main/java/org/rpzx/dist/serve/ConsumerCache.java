package org.rpzx.dist.serve;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rpzx.core.consumer.Consumer;
import org.rpzx.core.consumer.ConsumerKey;
import org.rpzx.core.consumer.ConsumerRegistry;
import org.rpzx.core.consumer.ConsumerStatus;
import org.rpzx.core.consumer.NotifyTarget;
import org.rpzx.dns.access.CidrBlock;
import org.rpzx.dns.access.ConsumerDirectory;
import org.rpzx.dns.access.ConsumerInfo;
import org.rpzx.dns.tsig.TsigKey;
import org.rpzx.dns.tsig.TsigKeyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * The store's consumers and TSIG keys as the DNS server needs them: one immutable snapshot behind a
 * volatile field, so the I/O threads read it without locking, I/O or exceptions. {@link #reload()}
 * reads the store again (at start and after every committed consumer change); if that fails the
 * previous snapshot stays in force.
 */
final class ConsumerCache implements ConsumerDirectory, TsigKeyring {

  private static final Logger LOG = LoggerFactory.getLogger(ConsumerCache.class);

  private record Snapshot(List<ConsumerInfo> consumers, Map<Name, TsigKey> keys) {}

  private final ConsumerRegistry registry;
  private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of());

  ConsumerCache(ConsumerRegistry registry) {
    this.registry = registry;
  }

  /** Reads every consumer from the store; a consumer that cannot be mapped is left out, logged. */
  void reload() {
    List<ConsumerStatus> stored;
    try {
      stored = registry.list();
    } catch (RuntimeException e) {
      LOG.warn("cannot reload consumers, keeping the previous list: {}", e.getMessage());
      return;
    }
    List<ConsumerInfo> consumers = new ArrayList<>();
    Map<Name, TsigKey> keys = new HashMap<>();
    for (ConsumerStatus s : stored) {
      Consumer c = s.consumer();
      try {
        Optional<TsigKey> key = c.key().map(ConsumerCache::tsigKey);
        consumers.add(info(c, key.map(TsigKey::name)));
        key.ifPresent(k -> keys.put(k.name(), k));
      } catch (IllegalArgumentException e) {
        LOG.warn("consumer {} left out: {}", c.name(), e.getMessage());
      }
    }
    snapshot = new Snapshot(List.copyOf(consumers), Map.copyOf(keys));
    LOG.info("{} consumers, {} TSIG keys", consumers.size(), keys.size());
  }

  @Override
  public List<ConsumerInfo> consumers() {
    return snapshot.consumers();
  }

  @Override
  public Optional<TsigKey> find(Name keyName) {
    return Optional.ofNullable(snapshot.keys().get(keyName));
  }

  static TsigKey tsigKey(ConsumerKey k) {
    return TsigKey.of(k.name(), k.algorithm().configName(), k.secretBase64());
  }

  static ConsumerInfo info(Consumer c, Optional<Name> keyName) {
    List<CidrBlock> subnets = c.subnets().stream().map(CidrBlock::parse).toList();
    List<InetSocketAddress> targets = new ArrayList<>();
    for (NotifyTarget t : c.notifyTargets()) {
      targets.add(new InetSocketAddress(literal(t.address()), t.port()));
    }
    return new ConsumerInfo(c.name(), c.institution(), keyName, subnets, targets);
  }

  /** The stored text is an IP literal (checked by core): parsing it never queries DNS. */
  private static InetAddress literal(String address) {
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + address, e);
    }
  }
}
