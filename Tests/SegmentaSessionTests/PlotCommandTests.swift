import Foundation
import Testing

@testable import SegmentaSession

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `plot … dendrogram` in the terminal (a golden transcript) and as SVG (parsed as XML).
/// Re-record the transcript after an intended change with `SEGMENTA_RECORD=1 swift test --filter PlotCommandTests`
/// and read the diff before committing.
@Suite struct PlotCommandTests {
  @Test func dendrogramTranscriptReplaysExactlyAsRecorded() throws {
    let report = try GoldenTranscriptTests.replay("plot.seg", compare: true)
    if ProcessInfo.processInfo.environment["SEGMENTA_RECORD"] == "1" {
      try report.refreshed.rendered().write(
        to: GoldenTranscriptTests.folder.appendingPathComponent("plot.seg"), atomically: true, encoding: .utf8)
      return
    }
    #expect(report.status == .passed, "\(report.problems.joined(separator: "\n"))")
  }

  /// Element names and `class` attributes of an XML document; fails if it does not parse.
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

  @Test(arguments: [5, 12, 30])
  func dendrogramSVGIsWellFormedXMLWithOnePathPerDrawnMerge(top: Int) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-plot-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let datasets = GoldenTranscriptTests.folder.appendingPathComponent("../../../datasets").standardizedFileURL
    let interpreter = Interpreter(baseDirectory: folder.path)
    let lines = [
      "load \(datasets.path)/b2b-customers.csv as c", "features order_count_12m discount_rate product_lines",
      "missing drop", "scale zscore", "run hierarchical k=4 linkage=complete as hc",
      "plot hc dendrogram top=\(top) to out/hc.svg",
    ]
    for line in lines {
      let outcome = interpreter.execute(line)
      #expect(outcome.error == nil, "\(line): \(String(describing: outcome.error))")
    }
    let data = try Data(contentsOf: folder.appendingPathComponent("out/hc.svg"))
    let parser = XMLParser(data: data)
    let elements = Elements()
    parser.delegate = elements
    #expect(parser.parse(), "\(String(describing: parser.parserError))")
    #expect(elements.names.first == "svg")
    #expect(elements.classes.filter { $0 == "merge" }.count == top - 1)
    #expect(elements.classes.filter { $0 == "leaf" }.count == 2 * top)
    #expect(elements.classes.filter { $0 == "cut" }.count == (top >= 4 ? 1 : 0))
    #expect(elements.texts.contains("height"))
  }
}
