package org.rpzx.core.submission;

import java.util.List;
import java.util.function.Supplier;
import org.rpzx.core.lifecycle.ZoneMaintainer;
import org.rpzx.core.name.EntryValidator;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.SubmissionStore;
import org.rpzx.core.zone.CanonicalList;
import org.rpzx.core.zone.NameKeys;

/**
 * The CPU work of a large submission, with nothing stored or published: validation, the canonical
 * sort, the encodings, the reduction against the zone and the next snapshot, all discarded.
 *
 * <p>Why: the first large submission after a start otherwise pays for the JIT. Measured on two
 * cores, the C2 compiler took 1.4–1.5 s of CPU while a cold server took a 25 MB list, about a
 * quarter of the CPU in that window; a server that has seen one large list acknowledges the next
 * about 0.6 s sooner. {@code rpzx serve} rehearses a few synthetic lists once it serves (see the
 * dist module), so that the first real one finds the code compiled.
 */
public final class SubmissionRehearsal {

  private final Supplier<EntryValidator> validator;
  private final ZoneMaintainer maintainer;

  public SubmissionRehearsal(Supplier<EntryValidator> validator, ZoneMaintainer maintainer) {
    this.validator = validator;
    this.maintainer = maintainer;
  }

  /**
   * Runs {@code files} through a direct submission's work (whatever its size) and drops the result.
   *
   * @return how many of the accepted names are not in the zone yet
   */
  public int rehearse(List<DomainsFile> files) {
    ValidatedFiles validated = ValidatedFiles.of(validator.get(), files);
    CanonicalList canonical = NameKeys.sortedCanonically(validated.accepted());
    SubmissionStore.encodeNames(canonical);
    EntryStore.sortedForStore(validated.accepted()); // the entry rows' order, after the reply
    return maintainer.rehearse(canonical);
  }
}
