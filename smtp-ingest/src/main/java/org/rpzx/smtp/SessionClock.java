package org.rpzx.smtp;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.subethamail.smtp.server.Session;

/**
 * The deadlines of one SMTP session: one for the whole session and one for the transfer of each
 * message. The per-read timeout alone does not stop a client that drips a byte every few seconds.
 * At a deadline a timer thread sends {@code 421 4.4.2} and closes the connection, which wakes the
 * session thread from its blocked read.
 *
 * <p>Once a message has been received completely the session is <em>busy</em> (authorizing and
 * storing it): a deadline that passes then does not cut the connection, which would lose the reply
 * to a stored submission; the handler sends its reply and then closes (see {@link #dataFinished}).
 */
final class SessionClock {

  /** What a deadline covers, for the 421 text. */
  enum Limit {
    SESSION("session"),
    DATA("message transfer");

    private final String text;

    Limit(String text) {
      this.text = text;
    }
  }

  private final Session session;
  private final String hostName;
  private final ScheduledExecutorService timer;
  private ScheduledFuture<?> sessionExpiry;
  private ScheduledFuture<?> dataExpiry;
  private boolean busy;
  private Limit passedWhileBusy;
  private boolean ended;
  private boolean killed;

  SessionClock(Session session, String hostName, ScheduledExecutorService timer) {
    this.session = session;
    this.hostName = hostName;
    this.timer = timer;
  }

  /** The reply sent when {@code limit} is reached. */
  static String reply(String hostName, Limit limit) {
    return "421 4.4.2 " + hostName + " " + limit.text + " time limit exceeded, closing connection";
  }

  synchronized void start(Duration sessionTimeout) {
    sessionExpiry = schedule(Limit.SESSION, sessionTimeout);
  }

  /** A message transfer (DATA or the first BDAT) begins. */
  synchronized void dataStarted(Duration dataTimeout) {
    cancel(dataExpiry);
    dataExpiry = schedule(Limit.DATA, dataTimeout);
  }

  /** The whole message has arrived: from now on deadlines wait for the reply. */
  synchronized void dataReceived() {
    cancel(dataExpiry);
    busy = true;
  }

  /**
   * The transfer is over (reply decided, or failed).
   *
   * @return the deadline that passed meanwhile, after whose reply the connection must close; null
   *     when none did
   */
  synchronized Limit dataFinished() {
    cancel(dataExpiry);
    busy = false;
    Limit passed = passedWhileBusy;
    passedWhileBusy = null;
    if (passed != null) {
      ended = true;
      cancel(sessionExpiry);
    }
    return passed;
  }

  /** Whether a deadline closed the connection. */
  synchronized boolean killed() {
    return killed;
  }

  /** The session is over: no deadline fires any more. Idempotent. */
  synchronized void end() {
    ended = true;
    cancel(sessionExpiry);
    cancel(dataExpiry);
  }

  private ScheduledFuture<?> schedule(Limit limit, Duration after) {
    return timer.schedule(() -> expire(limit), after.toNanos(), TimeUnit.NANOSECONDS);
  }

  private static void cancel(ScheduledFuture<?> f) {
    if (f != null) {
      f.cancel(false);
    }
  }

  private void expire(Limit limit) {
    synchronized (this) {
      if (ended) {
        return;
      }
      if (busy) {
        passedWhileBusy = limit;
        return;
      }
      ended = true;
      killed = true;
      cancel(sessionExpiry);
      cancel(dataExpiry);
    }
    try {
      session.sendResponse(reply(hostName, limit));
    } catch (IOException | RuntimeException e) {
      // the client is gone already
    }
    session.quit(); // closes the socket: the session thread's blocked read fails and it ends
  }
}
