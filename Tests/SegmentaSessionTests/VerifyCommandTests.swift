import Foundation
import SegmentaCore
import SegmentaSources
import Testing

@testable import SegmentaSession

/// `verify`: the exported SQL view runs in SQLite inside the session, the exported PMML in jpmml-evaluator, and
/// each is compared row by row with `assign`; an edited view or model is caught with the rows that disagree; bad
/// files, keys, misuse and a missing engine get clear errors.
@Suite struct VerifyCommandTests {
  static let datasets = CriteriaConsumerTests.repository.appendingPathComponent("datasets")
  static let prospects = datasets.appendingPathComponent("b2b-prospects.csv").path

  /// A session in a fresh folder with km fitted on the shipped customers, both rules exported to km.sql,
  /// km-rules.sql, km.pmml and km-rules.pmml, and `assign`'s centroid segments for the prospects in assigned.csv.
  private func session() throws -> (Interpreter, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-verify-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let interpreter = Interpreter(baseDirectory: folder.path)
    let setup = [
      "load \(Self.datasets.path)/b2b-customers.csv as customers",
      "features order_count_12m avg_order_value_eur discount_rate days_since_last_order service_share product_lines",
      "missing impute median", "transform log1p order_count_12m avg_order_value_eur days_since_last_order",
      "scale zscore", "run kmeans k=4 as km", "rules km depth=3", "export rules km to km.sql using centroids",
      "export rules km to km-rules.sql using tree", "export rules km to km.pmml using centroids",
      "export rules km to km-rules.pmml using tree", "assign km \(Self.prospects) to assigned.csv using centroids",
    ]
    for line in setup {
      let outcome = interpreter.execute(line)
      try #require(outcome.error == nil, "\(line): \(outcome.lines.map(\.text))")
    }
    return (interpreter, folder)
  }

  /// `assign`'s segment per prospect, in file order, read from the file it wrote.
  private func assigned(_ folder: URL) throws -> [(id: String, segment: String)] {
    let table = try CSVReader.load(
      path: folder.appendingPathComponent("assigned.csv").path, name: "a", context: ExecutionContext(threads: 1)
    ).table
    let ids = try #require(table.column(named: "customer_id"))
    let segments = try #require(table.column(named: "segment"))
    return (0..<table.rowCount).map { (ids.text(at: $0), segments.text(at: $0)) }
  }

  @Test func exportedViewsAgreeWithAssign() throws {
    let (interpreter, _) = try session()
    for (file, rule) in [("km.sql", "centroids"), ("km-rules.sql", "rules")] {
      let outcome = interpreter.execute("verify km \(file) on \(Self.prospects) using \(rule)")
      #expect(outcome.error == nil)
      #expect(
        outcome.lines == [
          .output(
            "SQL (SQLite) agrees with assign on 300 of 300 rows of \(Self.prospects) (view segmenta_km, the \(rule) "
              + "of km)")
        ])
    }
  }

  @Test func anEditedViewIsReportedRowByRow() throws {
    let (interpreter, folder) = try session()
    let file = folder.appendingPathComponent("km.sql")
    let sql = try String(contentsOf: file, encoding: .utf8)
    // Segment 1's branch now names another segment: exactly the prospects `assign` put in segment 1 disagree.
    try #require(sql.components(separatedBy: "THEN '1'").count == 2)
    try sql.replacingOccurrences(of: "THEN '1'", with: "THEN 'one'").write(to: file, atomically: true, encoding: .utf8)
    let inOne = try assigned(folder).filter { $0.segment == "1" }
    try #require(inOne.count > 10)

    let lines = interpreter.execute("verify km km.sql on \(Self.prospects) using centroids").lines
    #expect(
      lines.first
        == .output(
          "SQL (SQLite) agrees with assign on \(300 - inOne.count) of 300 rows of \(Self.prospects) (view segmenta_km, "
            + "the centroids of km)"))
    #expect(
      lines.contains {
        $0
          == .diagnostic(
            "warning: \(inOne.count) rows disagree; was km.sql exported from km "
              + "with `using centroids` after its last change?")
      })
    let table = lines.compactMap { line -> String? in
      if case .output(let text) = line { text } else { nil }
    }.joined(separator: "\n").split(separator: "\n").map(String.init)
    #expect(table.contains { $0.hasPrefix("customer_id") && $0.contains("SQL") && $0.hasSuffix("assign") })
    for row in inOne.prefix(10) {
      #expect(
        table.contains { $0.split(separator: " ", omittingEmptySubsequences: true) == [row.id[...], "one", "1"] },
        "\(row.id) listed")
    }
    #expect(!table.contains { $0.hasPrefix(inOne[10].id) }, "only the first ten are listed")
    #expect(table.last == "… \(inOne.count - 10) more rows disagree")
  }

  /// Runs `verify` on a PMML file; `nil` with a message when Python, Java or jpmml_evaluator is missing outside CI
  /// (in CI that fails the test).
  private func verifyPMML(_ interpreter: Interpreter, _ line: String) -> CommandOutcome? {
    let outcome = interpreter.execute(line)
    if case .failed(.notReady(let missing)) = outcome.error, !CriteriaConsumerTests.inCI {
      print("skipping the PMML verify check: \(missing)")
      return nil
    }
    return outcome
  }

  @Test func exportedPMMLAgreesWithAssignInJPMML() throws {
    let (interpreter, _) = try session()
    for (file, rule) in [("km.pmml", "centroids"), ("km-rules.pmml", "rules")] {
      guard let outcome = verifyPMML(interpreter, "verify km \(file) on \(Self.prospects) using \(rule)") else {
        return
      }
      #expect(outcome.error == nil, "\(outcome.error.map { "\($0)" } ?? "")")
      #expect(
        outcome.lines == [
          .output(
            "PMML (jpmml-evaluator) agrees with assign on 300 of 300 rows of \(Self.prospects) (the \(rule) of km)")
        ])
    }
  }

  @Test func anEditedPMMLThresholdIsReportedRowByRow() throws {
    let (interpreter, folder) = try session()
    let file = folder.appendingPathComponent("km-rules.pmml")
    let pmml = try String(contentsOf: file, encoding: .utf8)
    // The tree's first leaves: days_since_last_order ≤ 118.5, service_share ≤ 0.2723 (missing → 0.0924), then
    // order_count_12m ≤ 11.5 → segment 1, else 3. Lowering 11.5 to 8.5 moves exactly the prospects of that branch
    // with 8.5 < order_count_12m ≤ 11.5 from segment 1 to 3; they are counted here from the CSV file itself.
    for fragment in [
      #"field="days_since_last_order" operator="lessOrEqual" value="118.5""#,
      #"field="service_share" operator="lessOrEqual" value="0.2723""#,
      #"<MiningField name="service_share" invalidValueTreatment="returnInvalid" missingValueReplacement="0.0924""#,
      #"<Node id="4" score="1" recordCount="700"><SimplePredicate field="order_count_12m" operator="lessOrEqual" value="11.5"/>"#,
      #"<Node id="5" score="3" recordCount="434"><SimplePredicate field="order_count_12m" operator="greaterThan" value="11.5"/>"#,
    ] {
      try #require(pmml.contains(fragment), "the tree has the branch this test edits: \(fragment)")
    }
    try pmml.replacingOccurrences(
      of: #"field="order_count_12m" operator="lessOrEqual" value="11.5""#,
      with: #"field="order_count_12m" operator="lessOrEqual" value="8.5""#
    )
    .replacingOccurrences(
      of: #"field="order_count_12m" operator="greaterThan" value="11.5""#,
      with: #"field="order_count_12m" operator="greaterThan" value="8.5""#
    )
    .write(to: file, atomically: true, encoding: .utf8)
    let rows = try CSVReader.load(path: Self.prospects, name: "p", context: ExecutionContext(threads: 1)).table
    func value(_ column: String, _ row: Int) throws -> Double? {
      Double(try #require(rows.column(named: column)).text(at: row))
    }
    var moved: [String] = []
    for row in 0..<rows.rowCount {
      guard let days = try value("days_since_last_order", row), let orders = try value("order_count_12m", row) else {
        continue
      }
      let service = try value("service_share", row) ?? 0.0924
      if days <= 118.5 && service <= 0.2723 && orders > 8.5 && orders <= 11.5 {
        moved.append(try #require(rows.column(named: "customer_id")).text(at: row))
      }
    }
    try #require(!moved.isEmpty)

    guard let outcome = verifyPMML(interpreter, "verify km km-rules.pmml on \(Self.prospects) using rules") else {
      return
    }
    #expect(
      outcome.lines.first
        == .output(
          "PMML (jpmml-evaluator) agrees with assign on \(300 - moved.count) of 300 rows of \(Self.prospects) (the "
            + "rules of km)"))
    #expect(
      outcome.lines.contains(
        .diagnostic(
          "warning: \(moved.count) rows disagree; was km-rules.pmml exported from km with `using rules` after its "
            + "last change?")))
    let printed = outcome.lines.compactMap { line -> String? in
      if case .output(let text) = line { text } else { nil }
    }.joined(separator: "\n").split(separator: "\n").map(String.init)
    #expect(printed.contains { $0.hasPrefix("customer_id") && $0.contains("PMML") && $0.hasSuffix("assign") })
    for id in moved.prefix(10) {
      #expect(
        printed.contains { $0.split(separator: " ", omittingEmptySubsequences: true) == [id[...], "3", "1"] },
        "\(id) listed")
    }
  }

  @Test func aMissingEngineIsNamedWithHowToInstallIt() throws {
    let (_, folder) = try session()
    let model = folder.appendingPathComponent("km.pmml").path
    func failure(_ environment: [String: String]) -> String {
      do {
        _ = try PMMLScorer.score(
          model: model, modelName: "km.pmml", input: Self.prospects, key: "customer_id", environment: environment,
          context: ExecutionContext(threads: 1))
        return "no error"
      } catch { return error.description }
    }
    #expect(failure(["PATH": "/nonexistent"]).contains("python3, which is not on PATH; install Python 3 (apt-get"))
    #expect(
      failure(["SEGMENTA_PYTHON": "/nonexistent/python3"]).contains(
        "SEGMENTA_PYTHON is '/nonexistent/python3', which is not an executable file"))
    // A real interpreter without Java on PATH: the driver names Java and how to install it.
    let python = Process()
    let pipe = Pipe()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", "-c", "import sys; print(sys.executable)"]
    python.standardOutput = pipe
    try python.run()
    let executable = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    python.waitUntilExit()
    try #require(python.terminationStatus == 0, "python3 is needed to run the driver without Java")
    #expect(
      failure(["SEGMENTA_PYTHON": executable, "PATH": "/nonexistent"]).contains(
        "verify runs km.pmml in jpmml-evaluator, but Java is not installed (apt-get install default-jre-headless)"))
  }

  @Test func badFilesKeysAndMisuseGetClearErrors() throws {
    let (interpreter, folder) = try session()
    let prospectsText = try String(contentsOfFile: Self.prospects, encoding: .utf8)
    let lines = prospectsText.split(separator: "\n", omittingEmptySubsequences: false)
    let files = [
      "select.sql": "SELECT 1;",
      "nosegment.sql": "CREATE VIEW v AS SELECT customer_id FROM customers;",
      "nokey.csv": prospectsText.replacingOccurrences(of: "customer_id,", with: "kunde,"),
      "twice.csv": ([lines[0], lines[1]] + lines[1...]).joined(separator: "\n"),
    ]
    for (name, text) in files {
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let cases: [(String, String)] = [
      ("verify km missing.sql on \(Self.prospects)", "cannot read 'missing.sql': no such file"),
      ("verify km . on \(Self.prospects)", "cannot read '.': it is a directory"),
      ("verify km \(Self.prospects) on \(Self.prospects)", "SQLite running \(Self.prospects): near"),
      ("verify km select.sql on \(Self.prospects)", "the script creates 0 views"),
      ("verify km nosegment.sql on \(Self.prospects)", "no such column: segment"),
      ("verify km km.sql on nokey.csv", "nokey.csv has no column 'customer_id'"),
      ("verify km km.sql on twice.csv", "'P00001' is the customer_id of rows 1 and 2"),
      ("verify km km.sql on missing.csv", "cannot read"),
      ("verify km km.sql \(Self.prospects)", "expected `verify VARIANT FILE.sql|FILE.pmml on FILE.csv"),
      ("verify km km.sql on \(Self.prospects) using medoids", "unknown criterion 'medoids'"),
      ("verify kmx km.sql on \(Self.prospects)", "unknown variant 'kmx'"),
      ("export rules km to km.json dialect=spark", "dialect= applies only to `export rules VARIANT to FILE.sql`"),
      ("export rules km to km.sql dialect=oracle", "expected one of sqlite, postgres, spark"),
    ]
    for (line, message) in cases {
      let outcome = interpreter.execute(line)
      let error = try #require(outcome.error, "\(line) must fail")
      #expect(error.description.contains(message), "\(line): \(error.description)")
    }
  }
}
