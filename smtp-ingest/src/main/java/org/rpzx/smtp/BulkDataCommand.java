package org.rpzx.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.internal.command.DataCommand;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.internal.server.CommandHandler;
import org.subethamail.smtp.internal.util.SMTPResponseHelper;
import org.subethamail.smtp.server.Session;

/**
 * SubEthaSMTP's DATA command with the message read in blocks ({@link DotTerminatedData}) instead of
 * byte by byte: replies, checks and order are those of its {@link DataCommand} (received headers,
 * which rpzx turns off, aside). A session stream without mark/reset falls back to the original
 * command.
 */
final class BulkDataCommand extends BaseCommand {

  private final DataCommand original = new DataCommand();

  BulkDataCommand() {
    super("DATA", "Following text is collected as the message.\nEnd data with <CR><LF>.<CR><LF>");
  }

  /** Puts this command in place of SubEthaSMTP's DATA in {@code commands}. */
  static void install(CommandHandler commands) {
    commands.addCommand(new BulkDataCommand());
  }

  @Override
  public void execute(String commandString, Session sess)
      throws IOException, DropConnectionException {
    InputStream raw = sess.getRawInput();
    if (!raw.markSupported() || !sess.getServer().getDisableReceivedHeaders()) {
      original.execute(commandString, sess);
      return;
    }
    if (!sess.isMailTransactionInProgress()) {
      sess.sendResponse("503 5.5.1 Error: need MAIL command");
      return;
    }
    if (sess.getRecipientCount() == 0) {
      sess.sendResponse("503 Error: need RCPT command");
      return;
    }
    sess.sendResponse("354 End data with <CR><LF>.<CR><LF>");
    InputStream stream = new DotTerminatedData(raw);
    String dataMessage;
    try {
      dataMessage = sess.getMessageHandler().data(stream);
      // whatever the handler left unread must not be taken for commands
      stream.transferTo(OutputStream.nullOutputStream());
    } catch (DropConnectionException e) {
      throw e;
    } catch (RejectException e) {
      sess.sendResponse(e.getErrorResponse());
      return;
    }
    sess.sendResponse(
        dataMessage != null ? SMTPResponseHelper.buildResponse("250", dataMessage) : "250 Ok");
    sess.resetMailTransaction();
  }
}
