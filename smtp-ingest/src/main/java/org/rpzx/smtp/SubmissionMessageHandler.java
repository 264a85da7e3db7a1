package org.rpzx.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.Session;

/**
 * One SMTP mail transaction. {@code MAIL} checks the listener's protections (STARTTLS first when
 * required, the per-source rate); the envelope sender itself is ignored (the header {@code From} or
 * the S/MIME signer identifies the submitter); recipients must be community addresses; DATA runs
 * through {@link SubmissionFlow} behind a size limiter and under the session's DATA deadline. When
 * report addresses are configured, a transaction to them runs through {@link ReportFlow} instead;
 * one transaction is either a submission or a report ({@code 452 4.5.3} for the first recipient of
 * the other kind, so the client sends it in a separate transaction).
 *
 * <p>How SubEthaSMTP 7.2.2 turns this into replies: a string returned by {@link #data} is sent as
 * {@code 250 <string>}; a {@link RejectException} as {@code <code> <message>}, without draining the
 * rest of DATA (the flow reads it to the end first); a {@link DropConnectionException} is sent and
 * the connection closed, so the unread rest of an oversized body is never taken for commands. A
 * {@code RejectException} from {@link #from} resets the transaction.
 */
final class SubmissionMessageHandler implements MessageHandler {

  static final String TOO_LARGE = "5.3.4 message exceeds fixed maximum size";
  static final String STARTTLS_FIRST = "5.7.0 Must issue a STARTTLS command first";

  private final MessageContext context;
  private final CommunityAddresses community;
  private final SubmissionFlow flow;
  private final SmtpSettings settings;
  private final SourceRateLimiter rateLimiter;
  private final SessionClock clock;
  private final SmtpEventListener events;
  private final CommunityAddresses reportAddresses;
  private final ReportFlow reportFlow;

  /** Null until the first recipient; then whether this transaction is a report. */
  private Boolean report;

  /**
   * @param reportAddresses the report addresses, or null when none are configured
   * @param reportFlow what handles a message to them, or null likewise
   */
  SubmissionMessageHandler(
      MessageContext context,
      CommunityAddresses community,
      SubmissionFlow flow,
      SmtpSettings settings,
      SourceRateLimiter rateLimiter,
      SessionClock clock,
      SmtpEventListener events,
      CommunityAddresses reportAddresses,
      ReportFlow reportFlow) {
    this.context = context;
    this.community = community;
    this.flow = flow;
    this.settings = settings;
    this.rateLimiter = rateLimiter;
    this.clock = clock;
    this.events = events;
    this.reportAddresses = reportAddresses;
    this.reportFlow = reportFlow;
  }

  @Override
  public void from(String reversePath) throws RejectException {
    try {
      checkFrom();
    } catch (RejectException e) {
      events.reply(e.getCode());
      throw e;
    }
  }

  private void checkFrom() throws RejectException {
    if (settings.requireTls() && !(context instanceof Session s && s.isTLSStarted())) {
      throw new RejectException(530, STARTTLS_FIRST);
    }
    InetAddress source = sourceAddress();
    if (source != null && !rateLimiter.tryAcquire(source)) {
      throw new RejectException(
          450,
          "4.7.1 too many messages from " + source.getHostAddress() + ", try again in a minute");
    }
    // the reverse path is not the identity: SPEC §2 authorizes by the header From or the signer
  }

  @Override
  public void recipient(String recipient) throws RejectException {
    boolean toReports = reportAddresses != null && reportAddresses.accepts(recipient);
    if (!toReports && !community.accepts(recipient)) {
      events.reply(550);
      throw new RejectException(
          550,
          "5.1.1 <"
              + SmtpReply.sanitise(CommunityAddresses.bare(recipient))
              + ">: no such recipient here");
    }
    if (report != null && report != toReports) {
      events.reply(452);
      throw new RejectException(
          452, "4.5.3 send reports and submissions in separate messages, this one later");
    }
    report = toReports;
  }

  @Override
  public String data(InputStream data) throws RejectException, IOException {
    try {
      String accepted = receive(data);
      events.reply(250);
      return accepted;
    } catch (RejectException e) {
      events.reply(e.getCode());
      throw e;
    }
  }

  /** The text of a 250 reply, or the refusal as a {@link RejectException}. */
  private String receive(InputStream data) throws RejectException, IOException {
    int maxBytes = settings.maxMessageBytes();
    SizeLimitedInputStream limited = new SizeLimitedInputStream(data, maxBytes);
    InputStream message = limited;
    if (clock != null) {
      clock.dataStarted(settings.dataTimeout());
      message = new EndOfStreamSignal(limited, clock::dataReceived);
    }
    SmtpReply reply;
    SessionClock.Limit passed = null;
    try {
      reply = Boolean.TRUE.equals(report) ? reportFlow.process(message) : flow.process(message);
    } catch (IOException e) {
      if (clock != null && clock.killed()) {
        // a deadline closed the connection under the read and said 421 already
        throw new DropConnectionException(421, "4.4.2 time limit exceeded");
      }
      if (e instanceof MessageTooLargeException || limited.count() > maxBytes) {
        throw new DropConnectionException(552, TOO_LARGE);
      }
      throw e;
    } finally {
      if (clock != null) {
        passed = clock.dataFinished();
      }
    }
    if (passed != null) {
      // the reply to a message that was processed goes out; then the deadline is honoured
      throw new DropConnectionException(reply.code(), reply.text());
    }
    if (reply.isSuccess()) {
      return reply.text();
    }
    endTransaction();
    throw new RejectException(reply.code(), reply.text());
  }

  @Override
  public void done() {}

  private InetAddress sourceAddress() {
    return context.getRemoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
  }

  /**
   * RFC 5321 §4.1.1.4: the end of DATA ends the transaction whatever the reply. SubEthaSMTP 7.2.2
   * resets it only after a 250, so an MTA that reuses the connection would get "503 sender already
   * specified" for its next message.
   */
  private void endTransaction() {
    if (context instanceof Session session) {
      session.resetMailTransaction();
    }
  }
}
