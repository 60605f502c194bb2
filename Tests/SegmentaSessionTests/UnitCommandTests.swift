import Foundation
import SegmentaCore
import Testing

@testable import SegmentaSession

/// `unit COL UNIT`: declared per dataset column, journaled, kept by `filter … as`, cleared by `none` and by
/// redefining a derived column, and shown in rules (without moving a training row), the Markdown criteria, the
/// handbook and as metadata in SQL, JSON and PMML.
@Suite struct UnitCommandTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func interpreter(_ lines: [String]) throws -> Interpreter {
    let interpreter = Interpreter(baseDirectory: repository.path)
    for line in ["load datasets/b2b-customers.csv as customers"] + lines {
      let outcome = interpreter.execute(line)
      try #require(outcome.error == nil, "\(line): \(outcome.lines.map { $0.text })")
    }
    return interpreter
  }

  private func text(_ outcome: CommandOutcome) -> String { outcome.lines.map(\.text).joined(separator: "\n") }

  @Test func unitsAreDeclaredPerColumnJournaledAndCleared() throws {
    let interpreter = try Self.interpreter([])
    let declared = interpreter.execute("unit revenue_eur €")
    #expect(declared.error == nil && declared.journaled)
    #expect(text(declared) == "revenue_eur: unit €")
    #expect(try interpreter.workspace.dataset(named: "customers").units == ["revenue_eur": "€"])
    let categorical = interpreter.execute("unit bundesland €")
    #expect(text(categorical).contains("'bundesland' is categorical; only numeric columns have units"))
    #expect(interpreter.execute("unit revenue €").error != nil, "unknown column")
    #expect(interpreter.execute("unit revenue_eur").error != nil, "no unit")
    #expect(text(interpreter.execute("describe revenue_eur")).contains("revenue_eur (€)  numeric"))
    #expect(text(interpreter.execute("unit revenue_eur none")) == "revenue_eur: no unit")
    #expect(try interpreter.workspace.dataset(named: "customers").units.isEmpty)
  }

  @Test func unitsFollowFilteredCopiesAndLeaveRedefinedColumns() throws {
    let interpreter = try Self.interpreter([
      "unit revenue_eur €", "derive revenue_k = revenue_eur / 1000", "unit revenue_k k€",
      "filter employees > 50 as large",
    ])
    #expect(try interpreter.workspace.dataset(named: "large").units == ["revenue_eur": "€", "revenue_k": "k€"])
    #expect(interpreter.execute("derive revenue_k = revenue_eur / 1000000").error == nil)
    #expect(try interpreter.workspace.dataset(named: "large").units == ["revenue_eur": "€"])
  }

  /// Reads a threshold printed by `rules` back (English or German separators, `M`/`Mio.`), exactly.
  static func parse(_ text: String, unit: String, language: RuleText.Language) -> Double? {
    var body = text.replacingOccurrences(of: unit, with: "").trimmingCharacters(in: .whitespaces)
    var exponent = 0
    for (word, power) in [(" Mio.", 6), (" Mrd.", 9), ("M", 6), ("B", 9)] where body.hasSuffix(word) {
      body.removeLast(word.count)
      exponent = power
    }
    let (group, point) = language == .de ? (".", ",") : (",", ".")
    body = body.replacingOccurrences(of: group, with: "").replacingOccurrences(of: point, with: ".")
    return Double(body + "e\(exponent)")
  }

  /// Every threshold `rules` prints in a unit, read back, classifies every training row as the tree does.
  @Test(arguments: RuleText.Language.allCases) func ruleThresholdsInUnitsKeepEveryRowOnItsSide(
    language: RuleText.Language
  ) throws {
    let interpreter = try Self.interpreter([
      "set language \(language.rawValue)", "unit avg_order_value_eur €", "unit days_since_last_order days",
      "unit revenue_eur €",
      "features order_count_12m avg_order_value_eur revenue_eur days_since_last_order service_share",
      "missing impute median", "transform log1p order_count_12m avg_order_value_eur revenue_eur", "scale zscore",
      "run kmeans k=4 as km",
    ])
    let output = text(interpreter.execute("rules km depth=4 min_leaf=10"))
    let variant = try interpreter.workspace.variant(named: "km")
    let tree = try #require(variant.tree)
    let units = ["avg_order_value_eur": "€", "days_since_last_order": "days", "revenue_eur": "€"]
    var checked = 0
    let printer = RuleThresholds(
      tree: tree, variant: variant, units: units, language: language, numbers: NumberFormat())
    for rule in tree.rules {
      for condition in rule.conditions {
        let name = tree.features[condition.feature]
        guard let unit = units[name] else { continue }
        let values = try #require(variant.features.rawColumns.first { $0.name == name }).numbers
        for threshold in [condition.lower, condition.upper].compactMap({ $0 }) {
          let printed = printer.text(feature: condition.feature, threshold: threshold)
          #expect(output.contains(printed), "\(printed) is not in the rules:\n\(output)")
          let value = try #require(Self.parse(printed, unit: unit, language: language), "cannot read \(printed)")
          #expect(values.allSatisfy { ($0 <= value) == ($0 <= threshold) }, "\(printed) moves a row")
          checked += 1
        }
      }
    }
    #expect(checked > 0, "the tree must use a column with a unit:\n\(output)")
    #expect(output.contains(language == .de ? " €" : "€"))
  }

  @Test func exportsCarryUnitsAsMetadataAndTheMarkdownReadsThem() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-units-\(UUID().uuidString)")
    let interpreter = try Self.interpreter(
      [
        "unit avg_order_value_eur €", "features order_count_12m avg_order_value_eur", "scale zscore",
        "run kmeans k=3 as km", "rules km depth=2",
      ]
        + ["sql", "json", "pmml", "md"].map { "export rules km to \(folder.path)/km.\($0) using tree" }
        + ["export report km to \(folder.path)/km.html using tree"])
    _ = interpreter
    func read(_ ext: String) throws -> String {
      try String(contentsOf: folder.appendingPathComponent("km.\(ext)"), encoding: .utf8)
    }
    #expect(try read("sql").contains("-- Units (for readers; values are plain numbers): avg_order_value_eur in €"))
    #expect(try read("json").contains("\"unit\":\"€\"") || read("json").contains("\"unit\": \"€\""))
    #expect(try read("pmml").contains("<Extension name=\"unit\" value=\"€\"/>"))
    #expect(try read("md").contains("`avg_order_value_eur` (€)"))
    #expect(try read("md").contains("avg_order_value_eur > €") || read("md").contains("avg_order_value_eur ≤ €"))
    #expect(try read("html").contains("avg_order_value_eur (€)"))
  }
}
