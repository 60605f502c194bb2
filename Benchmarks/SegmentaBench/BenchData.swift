import SegmentaCore

/// The benchmark input as `peers.py` prepares it: the 8 numeric columns of a `gen_data.py` file, z-scored with
/// the population standard deviation (a constant column divided by 1), and the latent `true_segment`.
struct BenchData {
  static let numericColumns = [
    "annual_revenue_eur", "employees", "order_count_12m", "avg_order_value_eur", "discount_rate",
    "days_since_last_order", "service_revenue_share", "product_line_breadth",
  ]

  static let categoricalColumns = ["industry_wz", "bundesland", "channel"]

  let features: FeatureMatrix
  let truth: ContiguousArray<Int32>
  /// The 3 categorical columns (kprototypes only).
  let categorical: CategoricalMatrix?
  let loadSeconds: Double
  let prepSeconds: Double

  /// Reads `path` (timed as `load_s`), keeps the first `limit` rows when given, z-scores (timed as `prep_s`).
  init(path: String, limit: Int?, categorical withCategorical: Bool = false, context: ExecutionContext) throws {
    let clock = ContinuousClock()
    var table: Table?
    let load = try clock.measure {
      table = try CSVReader.load(path: path, name: "bench", context: context).table
    }
    guard let table else { throw BenchError.usage("could not read \(path)") }
    let rows = min(table.rowCount, limit ?? table.rowCount)
    var raw = ContiguousArray<Double>(repeating: 0, count: rows * Self.numericColumns.count)
    for (j, name) in Self.numericColumns.enumerated() {
      let column = try table.requireColumn(name)
      for i in 0..<rows { raw[i * Self.numericColumns.count + j] = column.numbers[i] }
    }
    let truthColumn = try table.requireColumn("true_segment")
    truth = ContiguousArray((0..<rows).map { Int32(truthColumn.numbers[$0]) })
    categorical =
      withCategorical
      ? try CategoricalMatrix(
        encoding: Self.categoricalColumns.map { try table.requireColumn($0) }, rows: Array(0..<rows)) : nil
    var scaled = raw
    let prep = clock.measure { Self.zScore(&scaled, rows: rows, columns: Self.numericColumns.count) }
    features = FeatureMatrix(rows: rows, columns: Self.numericColumns.count, names: Self.numericColumns, values: scaled)
    loadSeconds = load.seconds
    prepSeconds = prep.seconds
  }

  /// NumPy's `(X - X.mean(0)) / X.std(0)` for a C-ordered matrix: column sums accumulated row by row (as NumPy
  /// reduces over axis 0), so the scaled values agree with `peers.py` to the last bit.
  static func zScore(_ x: inout ContiguousArray<Double>, rows n: Int, columns d: Int) {
    var mean = [Double](repeating: 0, count: d)
    var variance = [Double](repeating: 0, count: d)
    for i in 0..<n { for j in 0..<d { mean[j] += x[i * d + j] } }
    for j in 0..<d { mean[j] /= Double(n) }
    for i in 0..<n {
      for j in 0..<d {
        let delta = x[i * d + j] - mean[j]
        variance[j] += delta * delta
      }
    }
    let sd = variance.map { v -> Double in
      let s = (v / Double(n)).squareRoot()
      return s == 0 ? 1 : s
    }
    for i in 0..<n { for j in 0..<d { x[i * d + j] = (x[i * d + j] - mean[j]) / sd[j] } }
  }
}

/// What went wrong with the benchmark's own arguments or input.
enum BenchError: Error, CustomStringConvertible {
  case usage(String)
  var description: String {
    switch self {
    case .usage(let message): message
    }
  }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
