/**
 * The door between the edges and the domain: sender authorization and submission processing, with
 * results as values ({@link org.rpzx.core.submission.SubmissionOutcome}).
 */
package org.rpzx.core.submission;
