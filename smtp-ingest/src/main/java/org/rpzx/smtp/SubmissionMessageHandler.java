package org.rpzx.smtp;

import java.io.IOException;
import java.io.InputStream;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.Session;

/**
 * One SMTP mail transaction. The envelope sender is ignored (the header {@code From} identifies the
 * submitter); recipients must be community addresses; DATA runs through {@link SubmissionFlow}
 * behind a size limiter.
 *
 * <p>How SubEthaSMTP 7.2.2 turns this into replies: a string returned by {@link #data} is sent as
 * {@code 250 <string>}; a {@link RejectException} as {@code <code> <message>}, without draining the
 * rest of DATA (the flow reads it to the end first); a {@link DropConnectionException} is sent and
 * the connection closed, so the unread rest of an oversized body is never taken for commands.
 */
final class SubmissionMessageHandler implements MessageHandler {

  static final String TOO_LARGE = "5.3.4 message exceeds fixed maximum size";

  private final MessageContext context;
  private final CommunityAddresses community;
  private final SubmissionFlow flow;
  private final int maxMessageBytes;

  SubmissionMessageHandler(
      MessageContext context,
      CommunityAddresses community,
      SubmissionFlow flow,
      int maxMessageBytes) {
    this.context = context;
    this.community = community;
    this.flow = flow;
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public void from(String reversePath) {
    // not the identity: SPEC §2 authorizes by the header From (or, later, the S/MIME signer)
  }

  @Override
  public void recipient(String recipient) throws RejectException {
    if (!community.accepts(recipient)) {
      throw new RejectException(
          550,
          "5.1.1 <"
              + SmtpReply.sanitise(CommunityAddresses.bare(recipient))
              + ">: no such recipient here");
    }
  }

  @Override
  public String data(InputStream data) throws RejectException, IOException {
    SizeLimitedInputStream limited = new SizeLimitedInputStream(data, maxMessageBytes);
    SmtpReply reply;
    try {
      reply = flow.process(limited);
    } catch (IOException e) {
      if (e instanceof MessageTooLargeException || limited.count() > maxMessageBytes) {
        throw new DropConnectionException(552, TOO_LARGE);
      }
      throw e;
    }
    if (reply.isSuccess()) {
      return reply.text();
    }
    endTransaction();
    throw new RejectException(reply.code(), reply.text());
  }

  @Override
  public void done() {}

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
