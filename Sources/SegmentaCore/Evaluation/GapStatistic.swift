import Foundation

/// The gap statistic (Tibshirani, Walther & Hastie 2001, "Estimating the number of clusters in a data set via the
/// gap statistic", JRSS B 63) with the semantics of R's `cluster::clusGap` and `maxSE(method = "firstSEmax")`.
///
/// For each k, log W_k of the data is compared with its mean over B reference data sets drawn uniformly from the
/// box spanned by the data's principal components (`spaceH0 = "scaledPCA"`):
/// W_k = ½ Σ_segments Σ_{i<j in segment} d(i, j)^power / n_segment (clusGap's `W.k`, default power 1, which is
/// what `d.power = 1` means), gap(k) = mean_b log W*_kb − log W_k, SE(k) = √(1 + 1/B) × sd_b(log W*_kb) with the
/// n − 1 divisor. The chosen k is the smallest k whose gap is within one SE of the first local maximum.
/// k = 1 (all rows together) needs no clustering; when it is chosen, the data show no cluster structure the
/// method can find.
public struct GapStatistic: Sendable, Equatable {
  /// One k's row of clusGap's `Tab`.
  public struct Row: Sendable, Equatable {
    public let k: Int
    public let logW: Double
    public let expectedLogW: Double
    public let standardError: Double
    public var gap: Double { expectedLogW - logW }
  }

  /// Rows for each k, ascending.
  public let rows: [Row]
  /// Reference data sets drawn (B).
  public let references: Int
  /// The power of distances in W_k (clusGap's `d.power`).
  public let distancePower: Double

  /// The k chosen by `firstSEmax` with SE factor 1.
  public var chosenK: Int { rows[Self.firstSEMax(rows.map(\.gap), rows.map(\.standardError))].k }

  /// Computes the statistic.
  ///
  /// - Parameters:
  ///   - data: the rows as clustered.
  ///   - ks: the k to evaluate, ascending, starting at 1 (as clusGap's `1:K.max`, or a sweep's ks after 1).
  ///   - references: B ≥ 2.
  ///   - distancePower: clusGap's `d.power` (1 by default).
  ///   - reference: the b-th reference data set (0-based), e.g. ``ReferenceBox/draw(rng:)``.
  ///   - cluster: clusters a data set into k segments (called for k ≥ 2 only); the third argument is the reference
  ///     set's index, `nil` for the data itself (which may return segments it already has).
  ///   - context: cancellation, checked between fits; progress is reported after each reference set.
  /// - Throws: ``SegmentaError/invalidParameter(name:value:expected:)`` for B < 2 or ks not ascending from 1;
  ///   errors of `cluster`; ``SegmentaError/interrupted``.
  /// - Complexity: (B + 1) × |ks| clusterings plus O(Σ n_c² × d) per W_k.
  public init(
    _ data: FeatureMatrix, ks: [Int], references: Int, distancePower: Double = 1,
    reference: (Int) -> FeatureMatrix,
    cluster: (FeatureMatrix, Int, Int?) throws(SegmentaError) -> ContiguousArray<Int32>,
    context: ExecutionContext
  ) throws(SegmentaError) {
    guard references >= 2 else {
      throw .invalidParameter(name: "B", value: String(references), expected: "at least 2 reference sets, e.g. B=100")
    }
    guard ks.first == 1, zip(ks, ks.dropFirst()).allSatisfy({ $0 < $1 }) else {
      throw .invalidParameter(
        name: "k", value: ks.map(String.init).joined(separator: ","), expected: "ascending values starting at 1")
    }
    func logW(_ x: FeatureMatrix, _ set: Int?) throws(SegmentaError) -> [Double] {
      var out: [Double] = []
      for k in ks {
        try context.checkCancellation()
        let labels = k == 1 ? ContiguousArray(repeating: Int32(0), count: x.rows) : try cluster(x, k, set)
        out.append(log(Self.withinDispersion(x, labels: labels, power: distancePower, context: context)))
      }
      return out
    }
    let observed = try logW(data, nil)
    var simulated: [[Double]] = []
    for b in 0..<references {
      simulated.append(try logW(reference(b), b))
      context.reportProgress("gap statistic: reference sets", Double(b + 1) / Double(references))
    }
    rows = ks.indices.map { i in
      let values = simulated.map { $0[i] }
      let mean = values.reduce(0, +) / Double(references)
      let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(references - 1)
      return Row(
        k: ks[i], logW: observed[i], expectedLogW: mean,
        standardError: ((1 + 1 / Double(references)) * variance).squareRoot())
    }
    self.references = references
    self.distancePower = distancePower
  }

  /// clusGap's W.k: ½ Σ over segments of Σ_{i<j} d(i, j)^power / n_segment (noise rows left out).
  ///
  /// - Complexity: O(Σ n_c² × d), parallel over fixed row chunks.
  public static func withinDispersion(
    _ data: FeatureMatrix, labels: ContiguousArray<Int32>, power: Double, context: ExecutionContext
  ) -> Double {
    let coding = SegmentCoding(labels)
    var members: [[Int]] = Array(repeating: [], count: coding.k)
    for i in 0..<data.rows where coding.codes[i] >= 0 { members[Int(coding.codes[i])].append(i) }
    let d = data.columns
    var total = 0.0
    for rows in members {
      let parts = context.mapChunks(
        count: rows.count, chunkCount: ExecutionContext.chunkCount(for: rows.count, grain: 64)
      ) { _, range in
        var sum = 0.0
        data.values.withUnsafeBufferPointer { x in
          for a in range {
            let i = rows[a]
            for b in (a + 1)..<rows.count {
              let j = rows[b]
              var squared = 0.0
              for c in 0..<d {
                let delta = x[i * d + c] - x[j * d + c]
                squared += delta * delta
              }
              sum += power == 1 ? squared.squareRoot() : (power == 2 ? squared : pow(squared.squareRoot(), power))
            }
          }
        }
        return sum
      }
      total += parts.reduce(0, +) / Double(rows.count)
    }
    return total / 2
  }

  /// R's `maxSE(f, SE.f, method = "firstSEmax", SE.factor)`: the first local maximum of f (the first i with
  /// f[i+1] ≤ f[i], else the last), then the smallest i before it with f[i] ≥ f[max] − factor × SE[max].
  /// Returns a 0-based index.
  ///
  /// - Complexity: O(|f|).
  public static func firstSEMax(_ f: [Double], _ standardErrors: [Double], factor: Double = 1) -> Int {
    precondition(!f.isEmpty && f.count == standardErrors.count, "one SE per value")
    let peak = (0..<(f.count - 1)).first { f[$0 + 1] <= f[$0] } ?? (f.count - 1)
    let threshold = f[peak] - factor * standardErrors[peak]
    return (0..<peak).first { f[$0] >= threshold } ?? peak
  }
}
