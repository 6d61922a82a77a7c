package org.figstream.connectors.feed.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.figstream.connectors.feed.local.HostileArchives.Case;
import org.figstream.connectors.feed.local.HostileArchives.Wire;

/**
 * Generated hostile packages, 2,500 cases a run from a fixed seed. A small valid tar.gz (a JATS
 * XML, an image, a PDF) gets one generated change to its entries: names with {@code ..} at any
 * depth, absolute and drive-letter names, backslashes, odd NUL-free names, symbolic and hard links
 * pointing outside, duplicate names, entries over the per-entry limit, tar bombs of many entries,
 * gzip bombs of zeros (streamed while built) and entry-count bombs; then it is put on the wire
 * whole, truncated at any byte, with any byte of the gzip or of the tar replaced, followed by a
 * second gzip member, split into two members, with a header lying about its size, as a plain tar,
 * empty, or replaced by noise. Every case ends within two seconds in a package or an {@link
 * UnusableInputException} with a reason, exactly the one worked out from the entries where the wire
 * leaves them intact; returned names stay relative; nothing is written beside the input.
 */
class GeneratedHostileArchiveTest {
  private final PackageReader reader = new PackageReader(ArchiveModel.LIMITS);

  @Property(tries = 2_000, seed = "20261204")
  void shouldEndInAPackageOrTheReasonItsEntriesCallFor(@ForAll("hostile") Case c)
      throws IOException {
    Object expected = ArchiveModel.expected(c.entries());
    Object outcome = read(c);
    Statistics.collect(c.wire(), kind(outcome, expected));
    switch (c.wire()) {
      case GZIP, CONCATENATED -> assertThat(outcome).usingRecursiveComparison().isEqualTo(expected);
      case TRUNCATED -> {
        if (outcome instanceof String reason) {
          assertThat(reason).isIn(expected, "corrupt-archive");
        } else {
          assertThat(outcome).usingRecursiveComparison().isEqualTo(expected);
        }
      }
      case SPLIT -> {
        if (outcome instanceof PackageReader.Contents read) {
          PackageReader.Contents whole = (PackageReader.Contents) expected;
          assertThat(read.xml()).isEqualTo(whole.xml());
          assertThat(whole.images()).containsAllEntriesOf(read.images());
        } else {
          assertThat(outcome).isIn("corrupt-archive", "no-xml");
        }
      }
      case LYING_SIZE -> assertThat(outcome).isEqualTo("archive-too-large");
      case PLAIN_TAR, EMPTY -> assertThat(outcome).isEqualTo("corrupt-archive");
      case RANDOM -> {
        if (c.noise().length < 2 || c.noise()[0] != 0x1f || c.noise()[1] != (byte) 0x8b) {
          assertThat(outcome).isEqualTo("corrupt-archive");
        }
      }
      case REPLACED, TAR_BYTE_REPLACED -> {} // any package or reason: checked in read
    }
  }

  @Property(tries = 500, seed = "20261204")
  void shouldReadBackTheXmlThatWasPutIn(@ForAll("benign") Case c) throws IOException {
    PackageReader.Contents expected = (PackageReader.Contents) ArchiveModel.expected(c.entries());

    PackageReader.Contents read = (PackageReader.Contents) read(c);
    assertThat(read.xml()).isEqualTo(expected.xml());
    assertThat(read.xmlName()).isEqualTo(expected.xmlName());
    assertThat(read.images().keySet()).isEqualTo(expected.images().keySet());
  }

  /** The outcome for the statistics jqwik reports: a reason, or whether the XML came back. */
  private static String kind(Object outcome, Object expected) {
    if (outcome instanceof PackageReader.Contents read) {
      return expected instanceof PackageReader.Contents whole
              && Arrays.equals(whole.xml(), read.xml())
          ? "package"
          : "package, other xml";
    }
    return (String) outcome;
  }

  @Provide
  Arbitrary<Case> hostile() {
    return Arbitraries.frequencyOf(
        Tuple.of(40, HostileArchives.entries(Wire.GZIP)),
        Tuple.of(6, HostileArchives.entries(Wire.CONCATENATED)),
        Tuple.of(12, HostileArchives.entries(Wire.TRUNCATED)),
        Tuple.of(10, HostileArchives.entries(Wire.REPLACED)),
        Tuple.of(8, HostileArchives.entries(Wire.TAR_BYTE_REPLACED)),
        Tuple.of(6, HostileArchives.entries(Wire.PLAIN_TAR)),
        Tuple.of(6, wired(Wire.SPLIT)),
        Tuple.of(4, wired(Wire.LYING_SIZE)),
        Tuple.of(2, wired(Wire.EMPTY)),
        Tuple.of(
            6,
            Combinators.combine(
                    Arbitraries.bytes().array(byte[].class).ofMaxSize(2048), Arbitraries.of(0, 3))
                .as(
                    (b, magic) ->
                        new Case("noise", List.of(), Wire.RANDOM, 0, 0, noise(b, magic)))));
  }

  @Provide
  Arbitrary<Case> benign() {
    return Arbitraries.oneOf(
            HostileArchives.entries(Wire.GZIP), HostileArchives.entries(Wire.CONCATENATED))
        .filter(c -> ArchiveModel.expected(c.entries()) instanceof PackageReader.Contents);
  }

  /** The unchanged base package on the given wire, cut or lied about at a generated place. */
  private static Arbitrary<Case> wired(Wire wire) {
    return Combinators.combine(HostileArchives.base(), Arbitraries.integers())
        .as((b, at) -> new Case("base", b, wire, at, 0, new byte[0]));
  }

  /** Noise, behind the first {@code magic} bytes of a gzip header (1f 8b 08) to get further in. */
  private static byte[] noise(byte[] b, int magic) {
    byte[] out = new byte[b.length + magic];
    System.arraycopy(new byte[] {0x1f, (byte) 0x8b, 8}, 0, out, 0, magic);
    System.arraycopy(b, 0, out, magic, b.length);
    return out;
  }

  private Object read(Case c) throws IOException {
    return IsolatedRead.read(reader, WireBytes.of(c), Duration.ofSeconds(2), c::toString);
  }
}
