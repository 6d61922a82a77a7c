/**
 * The feed's public records: what the sources announce, what the fetcher delivers, and what goes to the
 * dead-letter topic. Everything else in the connectors module is internal.
 */
package org.figstream.api.feed;
