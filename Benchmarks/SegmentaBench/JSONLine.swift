/// One-line JSON in insertion order, as `peers.py` prints it (`json.dumps`), for appending to `raw.jsonl`.
indirect enum JSONLine {
  case null
  case bool(Bool)
  case int(Int)
  case number(Double)
  case string(String)
  case array([JSONLine])
  case object([(String, JSONLine)])

  var text: String {
    switch self {
    case .null: "null"
    case .bool(let value): value ? "true" : "false"
    case .int(let value): String(value)
    case .number(let value): value.isFinite ? String(value) : "null"
    case .string(let value): Self.quote(value)
    case .array(let items): "[" + items.map(\.text).joined(separator: ", ") + "]"
    case .object(let members): "{" + members.map { Self.quote($0.0) + ": " + $0.1.text }.joined(separator: ", ") + "}"
    }
  }

  private static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
