import Foundation
import SegmentaCore
import Testing

@testable import SegmentaSession

/// rfm, abc, xyz, join, derive and filter at the session level: the workspace they leave, what is recorded for
/// assignment, error columns in the typed line, and completion.
@Suite struct BehaviourCommandTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// An interpreter with the orders, their RFM table and the customers with RFM joined (active).
  static func prepared() -> Interpreter {
    let interpreter = Interpreter(baseDirectory: repository.path)
    for line in [
      "load datasets/b2b-orders.csv as orders",
      "rfm orders customer=customer_id date=order_date amount=amount_eur as rfm",
      "load datasets/b2b-customers.csv as customers", "join rfm on customer_id",
    ] {
      let outcome = interpreter.execute(line)
      #expect(outcome.error == nil, "\(line): \(outcome.lines)")
    }
    return interpreter
  }

  static func active(_ interpreter: Interpreter) throws -> Dataset {
    try #require(interpreter.workspace.datasets[interpreter.workspace.activeDatasetName ?? ""])
  }

  @Test func derivationsAreRecordedAndSurviveANewFeatureSelection() throws {
    let interpreter = Self.prepared()
    #expect(interpreter.execute("derive aov = monetary / frequency").error == nil)
    #expect(interpreter.execute("derive big = aov>1000 and frequency>=2").error == nil)
    #expect(interpreter.execute("features recency aov").error == nil)
    #expect(interpreter.execute("features frequency big").error == nil)
    let dataset = try Self.active(interpreter)
    #expect(dataset.recipe.derivations.map(\.name) == ["aov", "big"])
    #expect(dataset.recipe.derivations[1].text == "aov>1000 and frequency>=2")
    // The recorded recipe recomputes the derived columns on rows that never had them.
    let source = dataset.table.selectingRows([0, 1, 2])
    let bare = Table(
      name: "new", columns: source.columns.filter { $0.name != "aov" && $0.name != "big" }, idColumn: "customer_id")
    let again = try dataset.recipe.applyingDerivations(to: bare)
    #expect(again.column(named: "big") == source.column(named: "big"))
    #expect(again.column(named: "aov") == source.column(named: "aov"))
  }

  @Test(arguments: [
    ("derive x = revnue * 2", 12), ("derive x = monetary +", 22), ("filter recency > 'x' and frequency", 18),
    ("filter  frequency == 2 and log(rfm_segment) > 1 as f", 32),
  ])
  func expressionErrorsPointIntoTheTypedLine(line: String, column: Int) throws {
    let interpreter = Self.prepared()
    let before = try Self.active(interpreter)
    let outcome = interpreter.execute(line)
    guard case .failed(.expression(let at, _)) = outcome.error else {
      Issue.record("expected an expression error, got \(String(describing: outcome.error))")
      return
    }
    #expect(at == column)
    #expect(try Self.active(interpreter) == before)
    #expect(interpreter.workspace.datasetOrder == ["orders", "rfm", "customers"])
  }

  @Test func filterReplacesRowsOrMakesANewDatasetButNeverUnderAVariant() throws {
    let interpreter = Self.prepared()
    #expect(interpreter.execute("filter recency<=365 as recent").error == nil)
    #expect(interpreter.workspace.activeDatasetName == "recent")
    #expect(try Self.active(interpreter).table.rowCount == 1860)
    #expect(interpreter.workspace.datasets["customers"]?.table.rowCount == 2000)
    #expect(interpreter.execute("features recency frequency").error == nil)
    #expect(interpreter.execute("run kmeans k=2 n_init=1 as km").error == nil)
    let refused = interpreter.execute("filter frequency > 1")
    #expect(refused.error.map { "\($0)" }?.contains("km was fitted on them") == true)
    #expect(try Self.active(interpreter).table.rowCount == 1860)
    #expect(interpreter.execute("use orders").error == nil)
    #expect(
      interpreter.execute("rfm orders customer=customer_id date=order_date amount=amount_eur as recent").error != nil)
  }

  @Test func failedCommandsLeaveTheWorkspaceAsItWas() throws {
    let interpreter = Self.prepared()
    let before = try Self.active(interpreter)
    for line in [
      "derive recency = 1", "derive x = log(wz_section)", "join rfm on customer_id", "join orders on customer_id",
      "abc wz_section", "abc monetary a=0.9 b=0.8", "filter recency < 0", "filter monetary",
    ] {
      #expect(interpreter.execute(line).error != nil, "\(line)")
      #expect(try Self.active(interpreter) == before, "\(line)")
    }
  }

  @Test func abcAndXYZBecomeGroupingsForRunGiven() throws {
    let interpreter = Self.prepared()
    for line in [
      "abc monetary", "use orders", "xyz amount_eur by=month customer=customer_id", "use customers",
      "join xyz on customer_id", "features recency frequency monetary", "run given abc_monetary as abc",
      "run given xyz_class as xyz",
    ] {
      let outcome = interpreter.execute(line)
      #expect(outcome.error == nil, "\(line): \(outcome.lines)")
    }
    #expect(try interpreter.workspace.variant(named: "abc").segmentNames == ["C", "B", "A"])
    #expect(try interpreter.workspace.variant(named: "xyz").segmentNames == ["Z", "Y", "X"])
  }

  @Test func completionOffersColumnsAfterColumnKeysAndDatasetsForJoin() {
    let interpreter = Self.prepared()
    let completer = SessionCompleter(interpreter: interpreter)
    #expect(completer.completions(for: "cu", lineBeforeWord: "rfm orders customer=") == ["customer_id"])
    #expect(completer.completions(for: "date=order_d", lineBeforeWord: "rfm orders ") == ["date=order_date"])
    #expect(completer.completions(for: "am", lineBeforeWord: "rfm orders ") == ["amount="])
    #expect(completer.completions(for: "rf", lineBeforeWord: "join ") == ["rfm"])
    #expect(completer.completions(for: "o", lineBeforeWord: "join rfm ") == ["on"])
    #expect(completer.completions(for: "mon", lineBeforeWord: "derive x = ") == ["monetary"])
  }
}
