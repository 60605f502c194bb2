import Foundation
import GRDB
import SegmentaCore
import Testing

@testable import SegmentaSession
@testable import SegmentaSources

/// The exported criteria run in real consumers and must reproduce `assign` row by row. SQL: the views run in real
/// databases — SQLite (through GRDB, as `verify` runs them), the PostgreSQL server of scripts/with-postgres.sh and
/// Spark SQL (scripts/score_spark_sql.py) — on the prospects sample, for the nearest-centre rule and the surrogate
/// tree, with imputation (`COALESCE`) and with the explicit NULL branch (`missing drop`), for a tree with
/// categorical splits (`IN`, `SimpleSetPredicate`) on prospects that include a category not seen in training and a
/// missing one (``prospectsPath``), and on a copy whose names and segment labels need quoting. PMML: jpmml-evaluator (``PMMLScorer``).
@Suite struct CriteriaConsumerTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let postgresURL = ProcessInfo.processInfo.environment["SEGMENTA_TEST_POSTGRES_URL"].flatMap {
    $0.isEmpty ? nil : $0
  }
  static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

  /// Two recipes: impute + log1p + z-score, and drop + winsorize + one-hot + robust scaling.
  static let recipes: [[String]] = [
    [
      "features order_count_12m avg_order_value_eur discount_rate days_since_last_order service_share product_lines",
      "missing impute median", "transform log1p order_count_12m avg_order_value_eur days_since_last_order",
      "scale zscore", "run kmeans k=4 as km", "rules km depth=3",
    ],
    [
      "features order_count_12m avg_order_value_eur discount_rate customer_group", "missing drop",
      "transform winsorize avg_order_value_eur p=0.02", "transform onehot customer_group", "scale robust",
      "run kmeans k=3 as km", "rules km depth=4 min_leaf=10",
    ],
    [
      "features order_count_12m avg_order_value_eur days_since_last_order customer_group size_class",
      "missing impute median", "transform log1p order_count_12m avg_order_value_eur days_since_last_order",
      "transform onehot customer_group size_class", "scale zscore", "run kmeans k=5 as km",
      "rules km depth=4 min_leaf=10",
    ],
  ]

  /// The prospects sample with three rows changed so categories matter: P00001 in an unseen customer group,
  /// P00002 without one, P00003 in an unseen size class (written once per process to a temporary file).
  static let prospectsPath: String = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "segmenta-prospects-\(UUID().uuidString).csv"
    ).path
    do {
      let table = try CSVReader.load(
        path: repository.appendingPathComponent("datasets/b2b-prospects.csv").path, name: "customers",
        context: ExecutionContext(threads: 1)
      ).table
      let changes: [String: [Int: String?]] = ["customer_group": [0: "D-Kunde", 1: nil], "size_class": [2: "Riesig"]]
      let columns = table.columns.map { column -> SegmentaCore.Column in
        guard let rows = changes[column.name] else { return column }
        var strings = column.strings
        for (row, value) in rows { strings[row] = value }
        return SegmentaCore.Column(name: column.name, strings: strings)
      }
      try CSVWriter.write(Table(name: table.name, columns: columns, idColumn: table.idColumn), to: path)
    } catch {
      Issue.record("cannot write the changed prospects: \(error)")
    }
    return path
  }()

  /// Where a configuration's rows come from and the table its SQL view reads.
  struct Sample {
    let customers: String
    let prospects: String
    let table: String
  }

  /// The shipped customers and the changed prospects (``prospectsPath``).
  static let plain = Sample(
    customers: repository.appendingPathComponent("datasets/b2b-customers.csv").path,
    prospects: prospectsPath, table: "customers")

  /// Copies of the samples whose names need quoting (capitals, a space, a backtick, a double quote) read as the
  /// table `Kunden`, written once.
  static let quoted: Sample = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-quoted-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let renamed = [
      ("order_count_12m", "Order Count"), ("service_share", "Service share"), ("customer_group", "Kunden`Gruppe\""),
    ]
    for file in ["b2b-customers.csv", "b2b-prospects.csv"] {
      let text = (try? String(contentsOf: repository.appendingPathComponent("datasets/\(file)"), encoding: .utf8)) ?? ""
      let header = text.prefix { $0 != "\n" }
      let quotedHeader = renamed.reduce(String(header)) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
      try? (quotedHeader + text.dropFirst(header.count)).write(
        to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }
    return Sample(
      customers: folder.appendingPathComponent("b2b-customers.csv").path,
      prospects: folder.appendingPathComponent("b2b-prospects.csv").path, table: "Kunden")
  }()

  /// On ``quoted``: one-hot levels and segment labels with `'` and `\`, which SQL dialects write differently.
  static let quotedRecipe = [
    "features \"Order Count\" avg_order_value_eur \"Service share\" \"Kunden`Gruppe\\\"\"", "missing impute median",
    "transform onehot \"Kunden`Gruppe\\\"\"", "scale zscore", "run kmeans k=3 as km", "name km 1 \"Owner's pick\"",
    "name km 2 \"back\\\\slash\"", "rules km depth=3",
  ]

  /// One case: the exported view of a rule and `assign`'s segments for the prospects, by customer id.
  struct Case {
    let sql: String
    let sqlFile: String
    let pmml: String
    let expected: [String: String]
  }

  static func cases(recipe: Int) throws -> [Case] { try cases(recipes[recipe], plain) }

  /// Fits `recipe` on `sample`, exports both rules as SQL (`dialect=…` when given) and PMML, and assigns the
  /// prospects with both.
  static func cases(_ recipe: [String], _ sample: Sample, dialect: String? = nil) throws -> [Case] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-sql-\(UUID().uuidString)")
    let interpreter = Interpreter(baseDirectory: repository.path)
    var lines = ["load \(sample.customers) as \(sample.table)"] + recipe
    for rule in ["centroids", "rules"] {
      for format in ["sql", "pmml"] {
        lines.append(
          "export rules km to \(folder.path)/\(rule).\(format) using \(rule == "rules" ? "tree" : rule)"
            + (format == "sql" ? dialect.map { " dialect=\($0)" } ?? "" : ""))
      }
      lines.append("assign km \(sample.prospects) to \(folder.path)/\(rule).csv using \(rule)")
    }
    for line in lines {
      let outcome = interpreter.execute(line)
      try #require(outcome.error == nil, "\(line): \(outcome.lines.map(\.text))")
    }
    return try ["centroids", "rules"].map { rule in
      let sql = try String(contentsOf: folder.appendingPathComponent("\(rule).sql"), encoding: .utf8)
      let expected = try assignedSegments(folder.appendingPathComponent("\(rule).csv"))
      let sqlFile = folder.appendingPathComponent("\(rule).sql").path
      return Case(
        sql: sql, sqlFile: sqlFile, pmml: folder.appendingPathComponent("\(rule).pmml").path, expected: expected)
    }
  }

  static func prospects(_ sample: Sample = plain) throws -> SegmentaCore.Table {
    try CSVReader.load(path: sample.prospects, name: sample.table, context: ExecutionContext(threads: 1)).table
  }

  /// Compares the view's segments with `assign`'s (NULL ↔ not assigned) and returns how many rows agree.
  static func agreeing(_ rows: [(String, String?)], _ expected: [String: String]) -> Int {
    #expect(rows.count == expected.count)
    var agree = 0
    for (id, segment) in rows {
      if expected[id] == (segment ?? "") {
        agree += 1
      } else {
        Issue.record("\(id): SQL \(segment ?? "NULL"), assign \(expected[id] ?? "?")")
      }
    }
    return agree
  }

  /// The third recipe's tree splits on categories, so the consumers below really evaluate `IN` and
  /// `SimpleSetPredicate`; and `assign` reports the changed prospects instead of guessing their segment.
  @Test func categoricalRecipeSplitsOnCategoriesAndReportsUnseenOnes() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-cat-\(UUID().uuidString)")
    let interpreter = Interpreter(baseDirectory: Self.repository.path)
    for line in ["load datasets/b2b-customers.csv as customers"] + Self.recipes[2] + [
      "assign km \(Self.prospectsPath) to \(folder.path)/rules.csv using rules"
    ] {
      let outcome = interpreter.execute(line)
      try #require(outcome.error == nil, "\(line): \(outcome.lines.map { $0.text })")
    }
    let tree = try #require(try interpreter.workspace.variant(named: "km").tree)
    #expect(tree.usedFeatures.map { tree.features[$0] }.contains("customer_group"))
    #expect(
      tree.usedFeatures.contains { tree.isCategorical($0) } && tree.usedFeatures.contains { !tree.isCategorical($0) })
    let assigned = try CSVReader.load(
      path: folder.appendingPathComponent("rules.csv").path, name: "a", context: ExecutionContext(threads: 1)
    ).table
    let notes = try #require(assigned.column(named: "note"))
    #expect(notes.text(at: 0) == "not assigned: customer_group = 'D-Kunde' not seen in training")
    #expect(notes.text(at: 1) == "not assigned: customer_group missing")
    #expect(try #require(assigned.column(named: "segment")).text(at: 0).isEmpty)
  }

  @Test(arguments: [0, 1, 2]) func sqliteReproducesAssign(recipe: Int) throws {
    try Self.checkSQLite(try Self.cases(recipe: recipe), Self.plain)
  }

  @Test func sqliteReadsQuotedNamesAndTexts() throws {
    try Self.checkSQLite(try Self.cases(Self.quotedRecipe, Self.quoted), Self.quoted)
  }

  /// A file whose names or texts need quoting says for which databases it is; a portable one says nothing.
  @Test func theHeaderSaysForWhichDatabasesAQuotedFileIs() throws {
    let note = "-- Names and texts are quoted for"
    for item in try Self.cases(recipe: 0) { #expect(!item.sql.contains(note)) }
    for item in try Self.cases(Self.quotedRecipe, Self.quoted) {
      #expect(item.sql.contains("\(note) SQLite and PostgreSQL; for Spark SQL export with dialect=spark.\n"))
      #expect(item.sql.contains("\"Order Count\"") && item.sql.contains("FROM \"Kunden\""))
    }
    for item in try Self.cases(Self.quotedRecipe, Self.quoted, dialect: "spark") {
      #expect(item.sql.contains("\(note) Spark SQL (backticks, backslash escapes).\n"))
      #expect(item.sql.contains("`Order Count`") && item.sql.contains("FROM `Kunden`"))
    }
  }

  /// Runs each case's view in SQLite through ``SQLiteViewCheck`` and compares with `assign`.
  static func checkSQLite(_ cases: [Case], _ sample: Sample) throws {
    let prospects = try Self.prospects(sample)
    for item in cases {
      let outcome = try SQLiteViewCheck.run(
        script: item.sql, scriptName: item.sqlFile, table: prospects, tableName: sample.table, key: "customer_id",
        context: ExecutionContext(threads: 1))
      #expect(Self.agreeing(outcome.rows.map { ($0.key, $0.segment) }, item.expected) == prospects.rowCount)
    }
  }

  /// PMML scored by jpmml-evaluator (``PMMLScorer``): a real engine, not our reading of the standard.
  /// Skipped with a message when Java or the package is missing, except in CI, where that is a failure.
  @Test(arguments: [0, 1, 2]) func pmmlScoredByJPMMLReproducesAssign(recipe: Int) throws {
    for item in try Self.cases(recipe: recipe) {
      guard let rows = try Self.scorePMML(item.pmml, input: Self.prospectsPath, id: "customer_id") else { return }
      #expect(Self.agreeing(rows, item.expected) == rows.count)
    }
  }

  /// `(id, segment)` per row of `input` as jpmml-evaluator scores it with `model` (`nil` segment = none) through
  /// the product's own driver (``PMMLScorer``, which `verify` runs), or `nil` with a message when Python, Java or
  /// the package is missing outside CI (in CI that fails the test).
  static func scorePMML(_ model: String, input: String, id: String) throws -> [(String, String?)]? {
    do {
      return try PMMLScorer.score(
        model: model, modelName: model, input: input, key: id, context: ExecutionContext(threads: 1)
      ).map { ($0.key, $0.segment) }
    } catch {
      guard case .notReady(let missing) = error, !inCI else { throw error }
      print("skipping the PMML check: \(missing)")
      return nil
    }
  }

  /// Spark SQL (scripts/score_spark_sql.py, a local SparkSession) runs every configuration's views — the default
  /// export of the shipped samples, which must be portable, and `dialect=spark` for the quoted names — in one
  /// Spark start-up. Skipped with a message when pyspark or Java is missing, except in CI, where that is a failure.
  @Test func sparkSQLReproducesAssign() throws {
    var jobs: [(sample: Sample, item: Case)] = []
    for recipe in Self.recipes.indices { jobs += try Self.cases(recipe: recipe).map { (Self.plain, $0) } }
    jobs += try Self.cases(Self.quotedRecipe, Self.quoted, dialect: "spark").map { (Self.quoted, $0) }
    let description = try jobs.map { job -> [String: String] in
      [
        "csv": job.sample.prospects, "schema": Self.sparkSchema(try Self.prospects(job.sample)),
        "table": job.sample.table, "key": "customer_id", "sql": job.item.sqlFile,
        "output": job.item.sqlFile + ".spark.csv",
      ]
    }
    let jobFile = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-spark-\(UUID()).json")
    try JSONSerialization.data(withJSONObject: description).write(to: jobFile)
    defer { try? FileManager.default.removeItem(at: jobFile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", Self.repository.appendingPathComponent("scripts/score_spark_sql.py").path, jobFile.path,
    ]
    // Spark's own logging goes to a file, shown only when the check fails, so it never mixes into the test
    // runner's output; no standard input, so the check behaves the same under CI, a terminal or a pipe.
    let log = jobFile.deletingPathExtension().appendingPathExtension("log")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: log) }
    let logHandle = try FileHandle(forWritingTo: log)
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = logHandle
    process.standardError = logHandle
    try process.run()
    process.waitUntilExit()
    try logHandle.close()
    if process.terminationStatus == 3 && !Self.inCI {
      print("skipping the Spark SQL check: pyspark or Java is missing (see scripts/score_spark_sql.py)")
      return
    }
    try #require(
      process.terminationStatus == 0,
      "score_spark_sql.py failed (exit \(process.terminationStatus)):\n\((try? String(contentsOf: log, encoding: .utf8)) ?? "")"
    )
    for job in jobs {
      let scored = try CSVReader.load(
        path: job.item.sqlFile + ".spark.csv", name: "s", context: ExecutionContext(threads: 1)
      ).table
      let ids = try #require(scored.column(named: "customer_id"))
      let segments = try #require(scored.column(named: "segment"))
      let rows = (0..<scored.rowCount).map { i -> (String, String?) in
        let s = segments.text(at: i)
        return (ids.text(at: i), s.isEmpty ? nil : s)
      }
      #expect(Self.agreeing(rows, job.item.expected) == job.item.expected.count, "\(job.item.sqlFile)")
    }
  }

  /// The Spark DDL schema of a CSV file as the tool types it: numbers as DOUBLE, everything else as STRING.
  static func sparkSchema(_ table: SegmentaCore.Table) -> String {
    table.columns.map { CriteriaSQL.identifier($0.name, in: .spark) + ($0.kind == .numeric ? " DOUBLE" : " STRING") }
      .joined(separator: ", ")
  }

  @Test(arguments: [0, 1, 2]) func postgresReproducesAssign(recipe: Int) throws {
    try Self.checkPostgres(try Self.cases(recipe: recipe), Self.plain, label: "\(recipe)")
  }

  @Test func postgresReadsQuotedNamesAndTexts() throws {
    try Self.checkPostgres(try Self.cases(Self.quotedRecipe, Self.quoted), Self.quoted, label: "quoted")
  }

  /// Runs each case's view in a schema of its own on the test server and compares with `assign`.
  static func checkPostgres(_ cases: [Case], _ sample: Sample, label: String) throws {
    guard let url = Self.postgresURL else {
      if Self.inCI {
        Issue.record("SEGMENTA_TEST_POSTGRES_URL is not set; CI must run swift test under scripts/with-postgres.sh")
      }
      return
    }
    let prospects = try Self.prospects(sample)
    for (n, item) in cases.enumerated() {
      let view = try #require(item.sql.split(separator: "\n").first { $0.hasPrefix("CREATE VIEW") })
        .split(separator: " ")[2]
      let rows = try Self.postgresRows(
        item.sql, view: String(view), url: url, schema: "segmenta_sql_\(label)_\(n)", prospects: prospects,
        table: sample.table)
      #expect(Self.agreeing(rows, item.expected) == prospects.rowCount)
    }
  }
}
