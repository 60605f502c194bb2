/// How well a criterion reproduces a variant's labels on the training rows: overall and per segment. A short
/// tree can reach high overall agreement while never predicting a small segment, so both are reported.
public struct Fidelity: Sendable, Equatable {
  /// Rows compared (noise rows excluded).
  public let rows: Int
  /// Rows whose predicted segment equals their label.
  public let agreeing: Int
  /// Per segment: members, members predicted as it (recall), and rows predicted as it.
  public let segments: [Segment]

  /// Agreement of one segment.
  public struct Segment: Sendable, Equatable {
    public let members: Int
    public let recovered: Int
    public let predicted: Int
    /// recovered ÷ members (1 for an empty segment).
    public var recall: Double { members == 0 ? 1 : Double(recovered) / Double(members) }
  }

  /// agreeing ÷ rows (1 when there are no rows).
  public var overall: Double { rows == 0 ? 1 : Double(agreeing) / Double(rows) }

  /// Compares `predicted` with `labels` (segments `0..<k`; labels < 0 are noise and skipped).
  /// - Complexity: O(n).
  public init(labels: some Collection<Int32>, predicted: [Int?], k: Int) {
    precondition(labels.count == predicted.count, "one prediction per label")
    var members = [Int](repeating: 0, count: k)
    var recovered = [Int](repeating: 0, count: k)
    var predictedCounts = [Int](repeating: 0, count: k)
    var rows = 0
    for (label, p) in zip(labels, predicted) where label >= 0 {
      rows += 1
      members[Int(label)] += 1
      if let p { predictedCounts[p] += 1 }
      if p == Int(label) { recovered[Int(label)] += 1 }
    }
    self.rows = rows
    self.agreeing = recovered.reduce(0, +)
    self.segments = (0..<k).map {
      Segment(members: members[$0], recovered: recovered[$0], predicted: predictedCounts[$0])
    }
  }
}
