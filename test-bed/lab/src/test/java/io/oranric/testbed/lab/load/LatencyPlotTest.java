package io.oranric.testbed.lab.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LatencyPlotTest {

  private static LatencySamples samples(long... nanos) {
    LatencySamples s = new LatencySamples();
    for (long n : nanos) {
      s.add(n);
    }
    return s;
  }

  @Test
  void draws_the_percentiles_and_below_them_the_p99_of_each_second_with_gaps_for_empty_seconds(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("plot.svg");
    LatencyPlot.write(file, "test <run>", List.of(
        new LatencyPlot.Curve("kafka 1,000/s", samples(2_000_000, 3_000_000, 9_000_000), new double[] {3.0, 9.0, Double.NaN, 4.0},
            1.5),
        new LatencyPlot.Curve("direct 1,000/s", samples(100_000, 200_000), new double[] {0.2, 0.3, 0.2, 0.1})), 10);

    Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    List<String> paths = new ArrayList<>();
    NodeList nodes = svg.getElementsByTagName("path");
    for (int i = 0; i < nodes.getLength(); i++) {
      paths.add(((Element) nodes.item(i)).getAttribute("d"));
    }
    assertThat(paths).hasSize(4); // two percentile curves, two per-second lines
    assertThat(paths.get(2).split("M")).hasSize(3); // the empty third second breaks the kafka line in two
    assertThat(paths.get(3).split("L")).hasSize(4); // four seconds, one line
    String text = Files.readString(file);
    assertThat(text).contains("p99 of each measured second", "test &lt;run&gt;", "p99 9.00 ms, CPU 1.50 of ");
    assertThat(text.split("CPU ")).hasSize(2); // the direct run did not say how busy the cores were

  }

  @Test
  void without_per_second_figures_there_is_no_time_panel(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plot.svg");
    LatencyPlot.write(file, "t", List.of(new LatencyPlot.Curve("x", samples(1_000_000))), 10);
    assertThat(Files.readString(file)).doesNotContain("measured second").contains("height='440'");
  }
}
