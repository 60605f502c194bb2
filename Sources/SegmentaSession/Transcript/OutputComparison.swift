import Foundation

/// Decides whether a recorded output line and a fresh one agree: exactly, or with `#| tol: x` numbers within a
/// relative tolerance (text between the numbers must still match exactly).
enum OutputComparison {
  /// Whether `actual` matches `expected` under the optional relative tolerance.
  static func matches(_ expected: OutputLine, _ actual: OutputLine, tolerance: Double?) -> Bool {
    if expected == actual { return true }
    guard let tolerance, kind(expected) == kind(actual) else { return false }
    let a = split(expected.text)
    let b = split(actual.text)
    guard a.count == b.count else { return false }
    for (x, y) in zip(a, b) {
      switch (x, y) {
      case (.text(let s), .text(let t)) where s == t: continue
      case (.number(let u), .number(let v)):
        let scale = max(abs(u), abs(v))
        if abs(u - v) <= tolerance * scale || abs(u - v) <= tolerance * 1e-12 { continue }
        return false
      default: return false
      }
    }
    return true
  }

  private enum Piece: Equatable {
    case text(String)
    case number(Double)
  }

  private static func kind(_ line: OutputLine) -> Int {
    switch line {
    case .output: 0
    case .diagnostic: 1
    case .volatile: 2
    }
  }

  /// Splits text into number and non-number pieces; thousands separators inside numbers are removed.
  private static func split(_ text: String) -> [Piece] {
    var pieces: [Piece] = []
    var buffer = ""
    var number = ""
    func flushNumber() {
      guard !number.isEmpty else { return }
      if let v = Double(number.replacingOccurrences(of: ",", with: "")) {
        if !buffer.isEmpty { pieces.append(.text(buffer)) }
        buffer = ""
        pieces.append(.number(v))
      } else {
        buffer += number
      }
      number = ""
    }
    for ch in text {
      let continuesNumber =
        ch.isNumber || (!number.isEmpty && (ch == "." || ch == "," || ch == "e" || ch == "E"))
        || ((ch == "-" || ch == "+") && (number.isEmpty || number.last == "e" || number.last == "E"))
      if continuesNumber {
        number.append(ch)
      } else {
        flushNumber()
        buffer.append(ch)
      }
    }
    flushNumber()
    if !buffer.isEmpty { pieces.append(.text(buffer)) }
    return pieces
  }
}
