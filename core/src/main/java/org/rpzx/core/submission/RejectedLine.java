package org.rpzx.core.submission;

import org.rpzx.core.name.RejectReason;

/**
 * A rejected line: which file of the submission (0-based), which line (1-based), its text and why.
 */
public record RejectedLine(
    int fileIndex, int lineNumber, String text, RejectReason reason, String detail) {}
