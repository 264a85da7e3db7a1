/**
 * Institutions and their authorized senders: who may submit. Changes return {@link
 * org.rpzx.core.directory.Mutation} values.
 */
package org.rpzx.core.directory;
