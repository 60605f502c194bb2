import Foundation
import Testing

@testable import SegmentaCore

/// Helpers shared by the CSV tests: fixture paths, loading, and asserting on `.csv` errors.
enum CSVFixture {
  /// The path of fixture `name` in Fixtures/csv (written by Fixtures/csv/make_fixtures.py).
  static func path(_ name: String) -> String {
    guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
      Issue.record("Fixtures resource folder missing from the test bundle")
      return "/nonexistent/\(name)"
    }
    return root.appendingPathComponent("csv").appendingPathComponent(name).path
  }

  /// Loads fixture `name`.
  static func load(_ name: String, options: CSVOptions = CSVOptions()) throws -> CSVLoad {
    try CSVReader.load(path: path(name), name: "t", options: options, context: ExecutionContext())
  }

  /// Loads fixture `name` and returns the ``SegmentaError`` it throws, recording an issue when it loads.
  static func error(
    _ name: String, options: CSVOptions = CSVOptions(), sourceLocation: SourceLocation = #_sourceLocation
  ) -> SegmentaError? {
    do throws(SegmentaError) {
      _ = try CSVReader.load(path: path(name), name: "t", options: options, context: ExecutionContext())
      Issue.record("\(name) loaded without error", sourceLocation: sourceLocation)
      return nil
    } catch {
      return error
    }
  }

  /// Expects fixture `name` to fail with a `.csv` error at `line`:`column` whose problem contains `problem`
  /// and whose hint contains `hint`.
  static func expectError(
    _ name: String, options: CSVOptions = CSVOptions(), line: Int, column: Int, problem: String,
    hint: String = "", sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard let error = error(name, options: options, sourceLocation: sourceLocation) else { return }
    guard case .csv(let path, let l, let c, let p, let h) = error else {
      Issue.record("expected a .csv error, got \(error)", sourceLocation: sourceLocation)
      return
    }
    #expect(path.hasSuffix(name), sourceLocation: sourceLocation)
    #expect(l == line, "line", sourceLocation: sourceLocation)
    #expect(c == column, "column", sourceLocation: sourceLocation)
    #expect(p.contains(problem), "problem: \(p)", sourceLocation: sourceLocation)
    #expect(hint.isEmpty || h.contains(hint), "hint: \(h)", sourceLocation: sourceLocation)
  }
}

extension Table {
  /// The display texts of column `name`, for compact expectations.
  func texts(_ name: String) -> [String] {
    guard let column = column(named: name) else {
      Issue.record("no column \(name)")
      return []
    }
    return (0..<column.count).map { column.text(at: $0) }
  }

  /// The kinds of all columns, in order.
  var kinds: [Column.Kind] { columns.map(\.kind) }
}
