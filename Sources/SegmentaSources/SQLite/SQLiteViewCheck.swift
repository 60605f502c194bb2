import Foundation
import GRDB
import SegmentaCore

/// Runs an SQL script that creates a view (an exported criteria file) in a fresh in-memory SQLite database holding
/// one table, and reads the view back: a real SQL engine executing the file a CRM would, not our reading of it.
public enum SQLiteViewCheck {
  /// What the view returned.
  public struct Outcome: Sendable {
    /// The view the script created.
    public let view: String
    /// Per row of the view: the key as ``Column/text(at:)`` writes it, and the `segment` column (`nil` for NULL).
    public let rows: [(key: String, segment: String?)]
  }

  /// Loads `table` as `tableName` (numbers as `REAL`, see ``TableSQL/statements(_:name:doubleType:)``), runs
  /// `script` and returns `SELECT key, segment` from the one view it created.
  ///
  /// - Parameters:
  ///   - script: the SQL text (e.g. the output of `export rules … to FILE.sql`).
  ///   - scriptName: how messages name the script (the path as the user typed it).
  ///   - table: the rows the view reads.
  ///   - tableName: the table the script reads.
  ///   - key: the column the view passes through.
  ///   - context: Ctrl-C interrupts the statement.
  /// - Throws: ``SegmentaError/database(source:problem:position:hint:)`` when SQLite rejects the script, it
  ///   creates no view or several, or the view lacks the key or `segment`; ``SegmentaError/interrupted``.
  public static func run(
    script: String, scriptName: String, table: SegmentaCore.Table, tableName: String, key: String,
    context: ExecutionContext
  ) throws(SegmentaError) -> Outcome {
    let source = "SQLite running \(scriptName)"
    do {
      let database = try DatabaseQueue()
      let watcher = InterruptWatcher(flag: context.cancellation) { database.interrupt() }
      defer { watcher.stop() }
      return try database.write { db in
        for statement in TableSQL.statements(table, name: tableName, doubleType: "REAL") {
          try db.execute(sql: statement)
        }
        try db.execute(sql: script)
        let views = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")
        guard views.count == 1, let view = views.first else {
          throw SegmentaError.database(
            source: source, problem: "the script creates \(views.count) views", position: nil,
            hint: "it must create exactly one view with the key and a segment column, as `export rules` writes it")
        }
        let query =
          "SELECT \(CriteriaSQL.identifier(key)), segment FROM \(CriteriaSQL.identifier(view))"
        let rows = try Row.fetchAll(db, sql: query).map { row -> (key: String, segment: String?) in
          (text(row[0] as DatabaseValue), row[1] as String?)
        }
        try context.checkCancellation()
        return Outcome(view: view, rows: rows)
      }
    } catch let error as SegmentaError {
      throw error
    } catch let error as DatabaseError {
      if error.resultCode == .SQLITE_INTERRUPT { throw .interrupted }
      throw .database(
        source: source, problem: error.message ?? "SQLite error \(error.resultCode.rawValue)", position: nil,
        hint: "the file must be an SQL view over the table '\(tableName)' with the column '\(key)', as "
          + "`export rules VARIANT to FILE.sql` writes it")
    } catch {
      throw .database(source: source, problem: "\(error)", position: nil, hint: "")
    }
  }

  /// A key value in the form the tool prints it, so SQL and CSV keys compare as text.
  private static func text(_ value: DatabaseValue) -> String {
    switch value.storage {
    case .null: ""
    case .int64(let integer): String(integer)
    case .double(let real): Column(name: "key", numbers: [real]).text(at: 0)
    case .string(let string): string
    case .blob(let data): data.base64EncodedString()
    }
  }
}
