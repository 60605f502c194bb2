import Foundation
import Testing

@testable import SegmentaSession

/// `export report`: the segment handbook is one self-contained HTML page with every section, escaped text,
/// inline SVG plots, German headings after `set language de`, and the same bytes for the same session.
@Suite struct ReportExportTests {
  /// Replays the setup and `extra` commands in a fresh folder and returns the text of `report.html`.
  private func report(_ extra: [String] = []) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-report-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let datasets = GoldenTranscriptTests.folder.appendingPathComponent("../../../datasets").standardizedFileURL
    let interpreter = Interpreter(baseDirectory: folder.path)
    let setup = [
      "load \(datasets.path)/b2b-customers.csv as c", "features order_count_12m discount_rate product_lines",
      "missing impute median", "scale zscore", "run kmeans k=3 as km", #"name km 1 "Big <&> 'small' \"q\"""#,
      #"journey km 2 loyalty "review & bonus""#,
    ]
    for line in setup + extra + ["export report km to report.html"] {
      let outcome = interpreter.execute(line)
      try #require(outcome.error == nil, "\(line): \(outcome.lines.map(\.text))")
    }
    return try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
  }

  @Test func theHandbookHasEverySectionAndInlinesThePlots() throws {
    let html = try report()
    for heading in [
      "Overview", "Profiles", "Plots", "Assignment criteria", "Preprocessing", "Actions along the customer journey",
      "Data", "Session",
    ] {
      #expect(html.contains(">\(heading)</h"), "missing section \(heading)")
    }
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.components(separatedBy: "<figure>\n<svg").count == 4, "sizes, profile and scatter inline")
    #expect(!html.contains("<?xml"))
    #expect(html.contains("811ec9f0b8b241ae"), "the dataset's fingerprint")
    #expect(html.contains("Each customer belongs to the segment with the nearest centre"))
    #expect(html.contains("<td>review &amp; bonus</td>"), "the journey matrix")
    #expect(html.contains("run kmeans k=3 as km\n"), "the commands that built the state")
    for external in ["<script", "src=", "href=", "<link", "@import", "url("] {
      #expect(!html.contains(external), "self-contained: no \(external)")
    }
  }

  @Test func namesAndCommandsAreEscaped() throws {
    let html = try report()
    #expect(html.contains("Big &lt;&amp;&gt; &#39;small&#39; &quot;q&quot;"))
    #expect(!html.contains("Big <&>"))
    #expect(html.contains(#"name km 1 &quot;Big &lt;&amp;&gt; &#39;small&#39; \&quot;q\&quot;&quot;"#))
  }

  @Test func theSameSessionGivesTheSameBytes() throws {
    #expect(try report() == report())
  }

  @Test func germanAfterSetLanguage() throws {
    let html = try report(["set language de"])
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">"))
    #expect(html.contains(">Überblick</h2>") && html.contains(">Zuordnungskriterien</h2>"))
    #expect(html.contains("<li>Jeder Kunde gehört zum Segment mit dem nächsten Zentrum"))
  }
}
