package org.figstream.connectors.feed.bucket;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.figstream.processors.jats.JatsExtractor;

/** Reads an S3 ListObjectsV2 answer ({@code ListBucketResult}), with DTDs and entities off. */
final class ListingParser {

  /** One page of a listing. */
  record Page(List<String> keys, List<String> prefixes, String nextToken) {}

  private static final XMLInputFactory FACTORY = JatsExtractor.parserFactory();

  private ListingParser() {}

  static Page parse(byte[] xml) {
    List<String> keys = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    String next = null;
    boolean truncated = false;
    boolean inPrefixes = false;
    boolean inContents = false;
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
          String name = r.getLocalName();
          inPrefixes &= !name.equals("CommonPrefixes");
          inContents &= !name.equals("Contents");
          continue;
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (r.getLocalName()) {
          case "CommonPrefixes" -> inPrefixes = true;
          case "Contents" -> inContents = true;
          case "Prefix" -> {
            String text = r.getElementText();
            if (inPrefixes) {
              prefixes.add(text);
            }
          }
          case "Key" -> {
            String text = r.getElementText();
            if (inContents) {
              keys.add(text);
            }
          }
          case "IsTruncated" -> truncated = Boolean.parseBoolean(r.getElementText().trim());
          case "NextContinuationToken" -> next = r.getElementText();
          case "Error" ->
              throw new IllegalArgumentException(
                  "the bucket answered an error: "
                      + new String(xml, java.nio.charset.StandardCharsets.UTF_8));
          default -> {}
        }
      }
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("not a bucket listing: " + e.getMessage(), e);
    }
    return new Page(keys, prefixes, truncated ? next : null);
  }
}
