import SegmentaCore

/// How PostgreSQL's text output of each type becomes a cell of a ``ResultSet``.
///
/// Integers, floating point and `numeric` are numbers (`numeric` as the nearest `Double`; 64-bit integers beyond
/// 2⁵³ keep their digits as text). `timestamp` and `timestamptz` keep their date (day precision, in the
/// session's time zone), `boolean` reads `true`/`false`, everything else is text and goes through the CSV rules,
/// so `date` values (`2024-12-31`) are dates.
enum PostgresValues {
  /// How one column's values are read.
  enum Reading: Equatable {
    case number, integer, timestamp, boolean, text
  }

  /// The reading for a column of type `oid` (`pg_type.oid`; built-in types have fixed OIDs).
  static func reading(for oid: UInt32) -> Reading {
    switch oid {
    case 21, 23, 26, 700, 701, 1700: .number  // int2, int4, oid, float4, float8, numeric
    case 20: .integer  // int8
    case 1114, 1184: .timestamp  // timestamp, timestamptz
    case 16: .boolean
    default: .text
    }
  }

  /// Appends the value `text` of a column read as `reading`.
  static func append(_ text: String, as reading: Reading, to result: inout ResultSet) {
    switch reading {
    case .number:
      if let number = Double(text) { result.append(number) } else { result.append(text) }
    case .integer:
      if let integer = Int64(text) { result.append(integer: integer) } else { result.append(text) }
    case .timestamp:
      // ISO output: `2024-12-31 10:00:00+01`; `infinity` stays text.
      result.append(text.count >= 10 && text.dropFirst(4).first == "-" ? String(text.prefix(10)) : text)
    case .boolean:
      result.append(text == "t" ? "true" : text == "f" ? "false" : text)
    case .text:
      result.append(text)
    }
  }
}
