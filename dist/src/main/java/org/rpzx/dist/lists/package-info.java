/**
 * Getting list files from the network: {@link org.rpzx.dist.lists.TopSitesFetcher} downloads a
 * Tranco list, checks it and replaces the Top-N file atomically (or not at all).
 */
package org.rpzx.dist.lists;
