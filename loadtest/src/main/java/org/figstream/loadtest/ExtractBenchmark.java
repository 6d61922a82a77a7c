package org.figstream.loadtest;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.processors.testdata.SampleArticles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One operation = every sample article once. {@code extract} is the full JATS extractor; {@code
 * bareStax} is the floor: the same Woodstox settings (DTD off, coalescing) reading every event and
 * touching every text and attribute, building nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ExtractBenchmark {

  private List<SampleArticles.Sample> articles;
  private JatsExtractor extractor;
  private XMLInputFactory stax;

  @Setup
  public void load() {
    articles = SampleArticles.all();
    extractor = new JatsExtractor();
    stax = JatsExtractor.parserFactory();
  }

  @Benchmark
  public void extract(Blackhole bh) {
    for (SampleArticles.Sample a : articles) {
      bh.consume(extractor.extract(a.xml(), a.media()));
    }
  }

  @Benchmark
  public void bareStax(Blackhole bh) throws XMLStreamException {
    for (SampleArticles.Sample a : articles) {
      XMLStreamReader r = stax.createXMLStreamReader(new ByteArrayInputStream(a.xml()));
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.CHARACTERS) {
          bh.consume(r.getTextLength());
        } else if (event == XMLStreamConstants.START_ELEMENT) {
          for (int i = 0; i < r.getAttributeCount(); i++) {
            bh.consume(r.getAttributeValue(i));
          }
        }
      }
      r.close();
    }
  }
}
