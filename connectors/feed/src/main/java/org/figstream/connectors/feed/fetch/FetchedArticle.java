package org.figstream.connectors.feed.fetch;

import java.util.Map;
import org.figstream.records.Announcement;

/**
 * An article version with its bytes: the XML and the image media files (only those make pairs),
 * each verified against the MD5 the bucket states.
 *
 * @param media file name to bytes, in the order the metadata lists them
 */
public record FetchedArticle(Announcement announcement, byte[] xml, Map<String, byte[]> media)
    implements FetchOutcome {}
