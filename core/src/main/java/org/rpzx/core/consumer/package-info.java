/**
 * Consumers of the zone (the resolvers of institutions), their TSIG keys and their transfer log.
 * {@link org.rpzx.core.consumer.ConsumerRegistry} is the door; changes return {@link
 * org.rpzx.core.directory.Mutation} values. Nothing here knows DNS wire types: the DNS side maps
 * these values to its own.
 */
package org.rpzx.core.consumer;
