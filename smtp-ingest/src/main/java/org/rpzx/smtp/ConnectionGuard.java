package org.rpzx.smtp;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * Admits sessions (at most so many per source, SubEthaSMTP's own limiter) and gives each admitted
 * one a {@link SessionClock}, run by one timer thread for the whole listener.
 */
final class ConnectionGuard implements SessionHandler, AutoCloseable {

  private final SessionHandler perSource;
  private final Duration sessionTimeout;
  private final String hostName;
  private final ScheduledThreadPoolExecutor timer;
  private final Map<Session, SessionClock> clocks = new ConcurrentHashMap<>();
  private final SmtpEventListener events;

  ConnectionGuard(
      int maxConnectionsPerSource,
      Duration sessionTimeout,
      String hostName,
      SmtpEventListener events) {
    this.events = events;
    this.perSource = SessionHandler.limitConcurrentSessionsBySource(maxConnectionsPerSource);
    this.sessionTimeout = sessionTimeout;
    this.hostName = hostName;
    this.timer =
        new ScheduledThreadPoolExecutor(
            1,
            new ThreadFactoryBuilder()
                .setNameFormat("rpzx-smtp-deadlines")
                .setDaemon(true)
                .build());
    timer.setRemoveOnCancelPolicy(true);
  }

  @Override
  public SessionAcceptance accept(Session session) {
    SessionAcceptance acceptance = perSource.accept(session);
    if (acceptance.accepted()) {
      SessionClock clock = new SessionClock(session, hostName, timer);
      clocks.put(session, clock);
      clock.start(sessionTimeout);
      events.sessionOpened();
    } else {
      events.reply(acceptance.errorCode());
    }
    return acceptance;
  }

  @Override
  public void onSessionEnd(Session session) {
    SessionClock clock = clocks.remove(session);
    if (clock != null) {
      clock.end();
    }
    perSource.onSessionEnd(session);
    if (clock != null) {
      events.sessionClosed(); // after the slot is free: a listener may count on it
    }
  }

  /** The clock of the session behind {@code context}; null for one this guard did not admit. */
  SessionClock clockOf(MessageContext context) {
    return context instanceof Session s ? clocks.get(s) : null;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
