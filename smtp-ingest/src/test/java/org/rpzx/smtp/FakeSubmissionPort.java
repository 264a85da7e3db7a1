package org.rpzx.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.DomainsFile;
import org.rpzx.core.submission.RejectedLine;
import org.rpzx.core.submission.SenderCheck;
import org.rpzx.core.submission.SenderIdentity;
import org.rpzx.core.submission.SubmissionOutcome;
import org.rpzx.core.submission.SubmissionPort;
import org.rpzx.core.submission.SubmissionReport;
import org.rpzx.core.submission.SubmissionRequest;

/**
 * A stand-in for core: records what the edge asked and answers as configured. By default every
 * sender is authorized and a submission is applied with counts computed from its lines (a line that
 * looks like {@code label.label} is accepted, other non-blank lines rejected), so a test can see
 * that the content really arrived.
 */
final class FakeSubmissionPort implements SubmissionPort {

  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

  final List<String> checkedSenders = new CopyOnWriteArrayList<>();
  final List<AuthMethod> checkedMethods = new CopyOnWriteArrayList<>();
  final List<SubmissionRequest> requests = new CopyOnWriteArrayList<>();

  volatile boolean keepRawMessages;
  volatile Function<String, SenderCheck> senders = FakeSubmissionPort::authorized;
  volatile Function<SubmissionRequest, SubmissionOutcome> outcomes = this::applyByCounting;

  static SenderCheck authorized(String address) {
    return new SenderCheck.Authorized(
        new SenderIdentity(7, "Example Institution", address, AuthMethod.FROM_HEADER));
  }

  FakeSubmissionPort onlyAuthorize(String address, String refusal) {
    senders =
        a -> a.equalsIgnoreCase(address) ? authorized(a) : new SenderCheck.Unauthorized(refusal);
    return this;
  }

  FakeSubmissionPort answer(SubmissionOutcome outcome) {
    outcomes = r -> outcome;
    return this;
  }

  FakeSubmissionPort failWith(RuntimeException e) {
    outcomes =
        r -> {
          throw e;
        };
    return this;
  }

  @Override
  public SenderCheck checkSender(String address, AuthMethod method) {
    checkedSenders.add(address);
    checkedMethods.add(method);
    SenderCheck check = senders.apply(address);
    if (check instanceof SenderCheck.Authorized a) {
      // as core does: the identity records how the sender was authenticated
      SenderIdentity i = a.identity();
      return new SenderCheck.Authorized(
          new SenderIdentity(i.institutionId(), i.institution(), i.sender(), method));
    }
    return check;
  }

  @Override
  public boolean keepsRawMessages() {
    return keepRawMessages;
  }

  @Override
  public SubmissionOutcome submit(SubmissionRequest request) {
    requests.add(request);
    return outcomes.apply(request);
  }

  private SubmissionOutcome applyByCounting(SubmissionRequest request) {
    int accepted = 0;
    List<RejectedLine> rejected = new ArrayList<>();
    for (int f = 0; f < request.files().size(); f++) {
      DomainsFile file = request.files().get(f);
      String[] lines = file.text().split("\r?\n");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty()) {
          continue;
        }
        if (NAME.matcher(line).matches()) {
          accepted++;
        } else {
          rejected.add(new RejectedLine(f, i + 1, line, null, "not a name"));
        }
      }
    }
    return new SubmissionOutcome.Applied(
        new SubmissionReport(
            4700 + requests.size(), accepted, rejected.size(), 0, rejected, false));
  }
}
