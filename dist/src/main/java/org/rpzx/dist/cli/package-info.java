/**
 * The control subcommands: each one call to the HTTP API, a table for humans or {@code --json} for
 * scripts, and an exit code that says what went wrong.
 */
package org.rpzx.dist.cli;
