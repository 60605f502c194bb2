/// The numbers a clustering algorithm sees: `rows × columns` doubles, row-major, in one contiguous buffer.
public struct FeatureMatrix: Sendable, Equatable {
  /// Number of observations.
  public let rows: Int
  /// Number of features.
  public let columns: Int
  /// Feature names, one per column.
  public let names: [String]
  /// Row-major values: element (i, j) is at `i * columns + j`.
  public var values: ContiguousArray<Double>

  /// A matrix from row-major values.
  public init(rows: Int, columns: Int, names: [String], values: ContiguousArray<Double>) {
    precondition(values.count == rows * columns, "value count does not match rows × columns")
    precondition(names.count == columns, "one name per column")
    self.rows = rows
    self.columns = columns
    self.names = names
    self.values = values
  }

  /// A matrix from rows (convenient for tests and small inputs).
  public init(rowsOf data: [[Double]], names: [String]? = nil) {
    let d = data.first?.count ?? 0
    precondition(data.allSatisfy { $0.count == d }, "ragged rows")
    self.init(
      rows: data.count, columns: d, names: names ?? (0..<d).map { "x\($0 + 1)" },
      values: ContiguousArray(data.joined()))
  }

  /// Element at row `i`, column `j`.
  @inlinable public subscript(i: Int, j: Int) -> Double {
    get { values[i * columns + j] }
    set { values[i * columns + j] = newValue }
  }

  /// Row `i` as an array (allocates; not for hot loops).
  public func row(_ i: Int) -> [Double] { Array(values[(i * columns)..<((i + 1) * columns)]) }

  /// A matrix with only the given rows, in that order.
  public func selectingRows(_ indices: [Int]) -> FeatureMatrix {
    var out = ContiguousArray<Double>()
    out.reserveCapacity(indices.count * columns)
    for i in indices { out.append(contentsOf: values[(i * columns)..<((i + 1) * columns)]) }
    return FeatureMatrix(rows: indices.count, columns: columns, names: names, values: out)
  }
}
