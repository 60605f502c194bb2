import Foundation
import Testing

@testable import SegmentaSession

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The segment plots as SVG: well-formed XML with the expected marks, and the terminal plots' widths.
@Suite struct SegmentPlotSVGTests {
  /// Element names, `class` attributes and texts of an XML document.
  private final class Elements: NSObject, XMLParserDelegate {
    var names: [String] = []
    var classes: [String] = []
    var texts: [String] = []
    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      names.append(name)
      classes.append(attributes["class"] ?? "")
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
  }

  /// Runs the setup and `plot …` lines in a temporary folder and parses the SVG files they wrote.
  private func plots(_ commands: [String], files: [String]) throws -> [Elements] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-svg-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let datasets = GoldenTranscriptTests.folder.appendingPathComponent("../../../datasets").standardizedFileURL
    let interpreter = Interpreter(baseDirectory: folder.path)
    let setup = [
      "load \(datasets.path)/b2b-customers.csv as c", "features order_count_12m discount_rate product_lines",
      "missing drop", "scale zscore", "run kmeans k=2..5 n_init=2 as km", "run given customer_group as g",
    ]
    for line in setup + commands {
      let outcome = interpreter.execute(line)
      try #require(outcome.error == nil, "\(line): \(String(describing: outcome.error))")
    }
    return try files.map { name in
      let parser = XMLParser(data: try Data(contentsOf: folder.appendingPathComponent(name)))
      let elements = Elements()
      parser.delegate = elements
      #expect(parser.parse(), "\(name): \(String(describing: parser.parserError))")
      #expect(elements.names.first == "svg", "\(name)")
      return elements
    }
  }

  @Test func everyKindWritesWellFormedSVGWithItsMarks() throws {
    let svgs = try plots(
      [
        "plot km.k4 scatter to s.svg", "plot km.k4 sizes to z.svg", "plot km.k4 silhouette to h.svg",
        "plot g profile to p.svg", "plot km elbow to e.svg",
      ], files: ["s.svg", "z.svg", "h.svg", "p.svg", "e.svg"])
    let (scatter, sizes, silhouette, profile, elbow) = (svgs[0], svgs[1], svgs[2], svgs[3], svgs[4])
    // One dot per customer (1,934 rows without missing values), one labelled centre per segment, a legend.
    let dots = scatter.classes.filter { $0.hasPrefix("dot s") }.count
    #expect(dots == scatter.classes.filter { $0.hasPrefix("dot") }.count && dots > 1500, "\(dots)")
    #expect(scatter.classes.filter { $0.hasPrefix("centre s") }.count == 4)
    #expect(scatter.texts.contains { $0.hasPrefix("PC1 (") } && scatter.texts.contains { $0.hasPrefix("PC2 (") })
    #expect(sizes.names.filter { $0 == "rect" }.count == 4)
    #expect(silhouette.classes.contains("mark") && silhouette.texts.contains { $0.hasPrefix("mean ") })
    // Given groups are named: the profile's columns carry the group names.
    #expect(profile.texts.contains("A-Kunde") && profile.classes.filter { $0 == "cell" }.count == 9)
    #expect(elbow.classes.contains("curve") && elbow.classes.filter { $0 == "s0" }.count == 4)
    #expect(elbow.texts.contains { $0.hasPrefix("elbow: k = ") } && elbow.classes.contains("mark"))
  }

  @Test func terminalPlotsFitNarrowWidths() throws {
    let interpreter = Interpreter(baseDirectory: GoldenTranscriptTests.folder.path)
    let setup = [
      "load ../../../datasets/b2b-customers.csv as c", "features order_count_12m discount_rate product_lines",
      "missing drop", "scale zscore", "run kmeans k=2..4 n_init=2 as km", "run given customer_group as g",
    ]
    for line in setup { try #require(interpreter.execute(line).error == nil, "\(line)") }
    for width in [40, 60, 100] {
      _ = interpreter.execute("set width \(width)")
      for plot in ["km.k3 scatter", "km.k3 scatter marks=dots", "g sizes", "km.k3 silhouette", "g profile", "km elbow"]
      {
        let outcome = interpreter.execute("plot \(plot)")
        #expect(outcome.error == nil, "\(plot): \(String(describing: outcome.error))")
        for line in outcome.lines.map(\.text) {
          #expect(line.count <= width, "plot \(plot) at \(width): \(line.count) > \(width): \(line)")
        }
      }
    }
  }
}
