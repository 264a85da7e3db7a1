package org.rpzx.dns.testzone;

import java.util.concurrent.atomic.AtomicInteger;
import org.rpzx.core.zone.JournalQuery;
import org.rpzx.core.zone.NameCursor;
import org.rpzx.core.zone.NameMatch;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.core.zone.ZoneSnapshot;
import org.rpzx.core.zone.ZoneView;

/** Wraps a zone and counts how far cursors have walked, to see where a transfer is. */
public final class CountingView implements ZoneView {

  private final ZoneView zone;
  private final AtomicInteger walked = new AtomicInteger();

  public CountingView(ZoneView zone) {
    this.zone = zone;
  }

  /** Names handed out by all cursors so far. */
  public int walked() {
    return walked.get();
  }

  @Override
  public ZoneSnapshot current() {
    ZoneSnapshot s = zone.current();
    return new ZoneSnapshot() {
      @Override
      public long serial() {
        return s.serial();
      }

      @Override
      public ZoneSettings settings() {
        return s.settings();
      }

      @Override
      public int nameCount() {
        return s.nameCount();
      }

      @Override
      public boolean contains(String name) {
        return s.contains(name);
      }

      @Override
      public NameMatch match(String relativeName) {
        return s.match(relativeName);
      }

      @Override
      public NameCursor cursor() {
        NameCursor c = s.cursor();
        return new NameCursor() {
          @Override
          public boolean next() {
            boolean more = c.next();
            if (more) {
              walked.incrementAndGet();
            }
            return more;
          }

          @Override
          public byte[] wire() {
            return c.wire();
          }

          @Override
          public int wireLength() {
            return c.wireLength();
          }

          @Override
          public int labelCount() {
            return c.labelCount();
          }

          @Override
          public int sharedSuffixLabels() {
            return c.sharedSuffixLabels();
          }

          @Override
          public String name() {
            return c.name();
          }
        };
      }

      @Override
      public long retainedBytes() {
        return s.retainedBytes();
      }
    };
  }

  @Override
  public JournalQuery changesSince(long clientSerial) {
    return zone.changesSince(clientSerial);
  }
}
