/// A dot canvas in Unicode braille: each character cell holds 2 × 4 dots, so a terminal line of w characters
/// draws 2w dots across (Unicode block "Braille Patterns", U+2800…U+28FF). Labels may be written over cells.
struct BrailleCanvas {
  /// Size in character cells.
  let columns: Int
  let rows: Int
  private var dots: [UInt8]
  private var labels: [Character?]

  init(columns: Int, rows: Int) {
    self.columns = max(1, columns)
    self.rows = max(1, rows)
    dots = Array(repeating: 0, count: self.columns * self.rows)
    labels = Array(repeating: nil, count: self.columns * self.rows)
  }

  /// Sets the dot at (x, y) in 0…1 × 0…1, y = 0 at the bottom.
  mutating func plot(x: Double, y: Double) {
    guard x.isFinite, y.isFinite else { return }
    let dx = min(columns * 2 - 1, max(0, Int(x * Double(columns * 2))))
    let dy = min(rows * 4 - 1, max(0, Int((1 - y) * Double(rows * 4))))
    let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
    dots[(dy / 4) * columns + dx / 2] |= bits[dx % 2][dy % 4]
  }

  /// Writes `character` over the cell at (x, y) in 0…1 × 0…1.
  mutating func label(x: Double, y: Double, _ character: Character) {
    guard x.isFinite, y.isFinite else { return }
    let column = min(columns - 1, max(0, Int(x * Double(columns))))
    let row = min(rows - 1, max(0, Int((1 - y) * Double(rows))))
    labels[row * columns + column] = character
  }

  /// The canvas as `rows` lines of `columns` characters; a cell without dots or label is `blank` (by default the
  /// empty braille pattern U+2800, so the lines keep their width).
  func lines(blank: Character? = nil) -> [String] {
    (0..<rows).map { row in
      String(
        (0..<columns).map { column in
          let cell = row * columns + column
          if let label = labels[cell] { return label }
          if let blank, dots[cell] == 0 { return blank }
          return Character(Unicode.Scalar(0x2800 + UInt32(dots[cell])) ?? " ")
        })
    }
  }
}
