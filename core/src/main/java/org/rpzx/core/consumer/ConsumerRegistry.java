package org.rpzx.core.consumer;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.rpzx.core.directory.Institution;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.store.ConsumerStore;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.InstitutionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's door to consumers: add (generating the TSIG secret), list, show, remove, and the
 * transfer log the DNS side feeds, and TSIG key rotation. Thread-safe. Listeners hear about every
 * committed add, remove or rotation so that caches (the DNS server's consumer list and keyring) can
 * reload.
 */
public final class ConsumerRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(ConsumerRegistry.class);

  /** Consumer names: like institution names, without spaces (they appear in logs and configs). */
  private static final Pattern CONSUMER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** TSIG key names: a DNS name of letters, digits, '-' and '_' labels, at most 253 octets. */
  private static final Pattern KEY_NAME =
      Pattern.compile("(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62})(\\.[a-z0-9_]([a-z0-9_-]{0,62}))*");

  private static final int MAX_SUBNETS = 64;
  private static final int MAX_TARGETS = 16;

  private final Database db;
  private final Clock clock;
  private final SecureRandom random;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  public ConsumerRegistry(Database db, Clock clock) {
    this(db, clock, new SecureRandom());
  }

  ConsumerRegistry(Database db, Clock clock, SecureRandom random) {
    this.db = db;
    this.clock = clock;
    this.random = random;
  }

  /** Called after each committed add, remove or key rotation, on the thread that made it. */
  public void addChangeListener(Runnable listener) {
    listeners.add(listener);
  }

  /**
   * Adds a consumer. With a key name, a random secret as long as the algorithm's hash is generated;
   * the {@link Mutation.Done} value is the only place it is handed out by this call (the operator
   * passes it on to the consumer once). Subnets and NOTIFY targets must be IP literals.
   */
  public Mutation<Consumer> add(ConsumerRequest request) {
    String name = request.name() == null ? "" : request.name().strip();
    if (!CONSUMER_NAME.matcher(name).matches()) {
      return invalid(
          "consumer name must be 1-64 characters: letters, digits, '.', '_', '-' (no spaces)");
    }
    if (request.institution() == null || request.institution().isBlank()) {
      return invalid("an institution is required");
    }
    Set<String> subnets = new LinkedHashSet<>();
    Set<NotifyTarget> targets = new LinkedHashSet<>();
    try {
      for (String s : request.subnets()) {
        subnets.add(AddressLiterals.canonicalCidr(s));
      }
      for (String t : request.notifyTargets()) {
        targets.add(AddressLiterals.notifyTarget(t));
      }
    } catch (IllegalArgumentException e) {
      return invalid(e.getMessage());
    }
    if (subnets.size() > MAX_SUBNETS || targets.size() > MAX_TARGETS) {
      return invalid("at most " + MAX_SUBNETS + " subnets and " + MAX_TARGETS + " NOTIFY targets");
    }
    Optional<ConsumerKey> key = Optional.empty();
    if (request.keyName() != null && !request.keyName().isBlank()) {
      String keyName = keyName(request.keyName());
      if (!KEY_NAME.matcher(keyName).matches()) {
        return invalid("not a TSIG key name (a DNS name such as uni-a-xfr): " + request.keyName());
      }
      String algoText = request.algorithm() == null ? "hmac-sha256" : request.algorithm();
      Optional<KeyAlgorithm> algorithm = KeyAlgorithm.parse(algoText);
      if (algorithm.isEmpty()) {
        return invalid(
            "unsupported TSIG algorithm "
                + algoText
                + " (hmac-sha256, hmac-sha384, hmac-sha512, hmac-sha1)");
      }
      byte[] secret = new byte[algorithm.get().secretBytes()];
      random.nextBytes(secret);
      key = Optional.of(ConsumerKey.of(keyName, algorithm.get(), secret));
    } else if (request.algorithm() != null) {
      return invalid("an algorithm needs a TSIG key name");
    }
    if (key.isEmpty() && subnets.isEmpty()) {
      return invalid("a consumer needs a TSIG key or at least one allowed subnet");
    }
    Optional<ConsumerKey> k = key;
    Mutation<Consumer> result =
        db.inTransaction(
            c -> {
              Optional<Institution> inst = InstitutionStore.byName(c, request.institution());
              if (inst.isEmpty()) {
                return new Mutation.NotFound<>("no institution named " + request.institution());
              }
              if (ConsumerStore.byName(c, name).isPresent()) {
                return new Mutation.Conflict<>("consumer " + name + " already exists");
              }
              if (k.isPresent() && ConsumerStore.keyExists(c, k.get().name())) {
                return new Mutation.Conflict<>("TSIG key " + k.get().name() + " already exists");
              }
              ConsumerStore.insert(
                  c,
                  name,
                  inst.get().id(),
                  k,
                  new ArrayList<>(subnets),
                  new ArrayList<>(targets),
                  clock.instant());
              return new Mutation.Done<>(ConsumerStore.byName(c, name).orElseThrow().consumer());
            });
    if (result instanceof Mutation.Done) {
      changed();
    }
    return result;
  }

  /** Every consumer with its transfer log, by institution then name. */
  public List<ConsumerStatus> list() {
    return db.read(ConsumerStore::all);
  }

  public Optional<ConsumerStatus> show(String name) {
    return db.read(c -> ConsumerStore.byName(c, name == null ? "" : name.strip()));
  }

  /** Removes a consumer, its key and its log; the value is the consumer as it was. */
  public Mutation<Consumer> remove(String name) {
    String n = name == null ? "" : name.strip();
    Mutation<Consumer> result =
        db.inTransaction(
            c -> {
              Optional<ConsumerStatus> existing = ConsumerStore.byName(c, n);
              if (existing.isEmpty()) {
                return new Mutation.NotFound<>("no consumer named " + n);
              }
              ConsumerStore.delete(c, existing.get().consumer());
              return new Mutation.Done<>(existing.get().consumer());
            });
    if (result instanceof Mutation.Done) {
      changed();
    }
    return result;
  }

  /** Every TSIG key with its consumer, by name; never a secret. */
  public List<TsigKeyInfo> keys() {
    return db.read(ConsumerStore::keys);
  }

  /**
   * Gives TSIG key {@code rawName} a new random secret (and, if {@code rawAlgorithm} is not null, a
   * new algorithm). The old secret stops working as soon as listeners have reloaded: transfers and
   * NOTIFY signed with it fail until the consumer is configured with the new one.
   */
  public Mutation<RotatedKey> rotateKey(String rawName, String rawAlgorithm) {
    String name = keyName(rawName == null ? "" : rawName);
    Optional<KeyAlgorithm> requested = Optional.empty();
    if (rawAlgorithm != null) {
      requested = KeyAlgorithm.parse(rawAlgorithm);
      if (requested.isEmpty()) {
        return invalid(
            "unsupported TSIG algorithm "
                + rawAlgorithm
                + " (hmac-sha256, hmac-sha384, hmac-sha512, hmac-sha1)");
      }
    }
    Optional<KeyAlgorithm> wanted = requested;
    Mutation<RotatedKey> result =
        db.inTransaction(
            c -> {
              Optional<TsigKeyInfo> existing = ConsumerStore.key(c, name);
              if (existing.isEmpty()) {
                return new Mutation.NotFound<>("no TSIG key named " + name);
              }
              KeyAlgorithm algorithm = wanted.orElse(existing.get().algorithm());
              byte[] secret = new byte[algorithm.secretBytes()];
              random.nextBytes(secret);
              ConsumerKey key = ConsumerKey.of(existing.get().name(), algorithm, secret);
              ConsumerStore.replaceKey(c, key, clock.instant());
              return new Mutation.Done<>(
                  new RotatedKey(ConsumerStore.key(c, key.name()).orElseThrow(), key));
            });
    if (result instanceof Mutation.Done) {
      changed();
    }
    return result;
  }

  /**
   * Records an SOA check or transfer in the consumer's log. A consumer removed meanwhile is
   * ignored.
   */
  public void record(TransferObservation observation) {
    db.inTransaction(c -> ConsumerStore.record(c, observation));
  }

  private void changed() {
    for (Runnable l : listeners) {
      try {
        l.run();
      } catch (RuntimeException e) {
        LOG.warn("consumer change listener failed", e);
      }
    }
  }

  private static String keyName(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }

  private static <T> Mutation<T> invalid(String message) {
    return new Mutation.Invalid<>(message);
  }
}
