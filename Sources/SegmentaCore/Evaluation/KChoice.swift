/// Choosing the number of segments from a sweep: what each criterion prefers and a recommendation with its reason.
///
/// Each criterion picks one k (ties → the smaller k): the elbow of the within sum of squares by Kneedle, the
/// highest mean silhouette, the highest Calinski–Harabasz, the lowest Davies–Bouldin, the lowest BIC (mixtures),
/// and the gap statistic's firstSEmax k. The recommendation is the k most criteria pick; among equally supported
/// k the silhouette's pick wins if it is one of them, else the smallest. The structure reading follows Kaufman &
/// Rousseeuw ("Finding Groups in Data", 1990, §2.2.4) on the best mean silhouette, and the gap statistic choosing
/// k = 1 means the data look like one uniform cloud.
public struct KChoice: Sendable, Equatable {
  /// A criterion for k.
  public enum Criterion: String, Sendable, CaseIterable {
    case elbow, silhouette, calinskiHarabasz = "calinski_harabasz", daviesBouldin = "davies_bouldin", gap, bic
  }

  /// One fitted k with its indices (nil where undefined or not computed).
  public struct Candidate: Sendable, Equatable {
    public let k: Int
    public let withinSS: Double?
    public let silhouette: Double?
    public let calinskiHarabasz: Double?
    public let daviesBouldin: Double?
    public let bic: Double?
    public init(
      k: Int, withinSS: Double?, silhouette: Double?, calinskiHarabasz: Double?, daviesBouldin: Double?, bic: Double?
    ) {
      self.k = k
      self.withinSS = withinSS
      self.silhouette = silhouette
      self.calinskiHarabasz = calinskiHarabasz
      self.daviesBouldin = daviesBouldin
      self.bic = bic
    }
  }

  /// Kaufman & Rousseeuw's reading of a mean silhouette.
  public enum Structure: String, Sendable {
    /// > 0.70
    case strong
    /// 0.51–0.70
    case reasonable
    /// 0.26–0.50: could be artificial
    case weak
    /// ≤ 0.25
    case none

    public init(silhouette: Double) {
      self = silhouette > 0.70 ? .strong : silhouette > 0.50 ? .reasonable : silhouette > 0.25 ? .weak : .none
    }
  }

  /// The k one criterion picks.
  public struct Pick: Sendable, Equatable {
    public let criterion: Criterion
    public let k: Int
  }

  /// The k each available criterion picks, in ``Criterion`` order.
  public let picks: [Pick]
  /// The recommended k (nil without any criterion).
  public let recommended: Int?
  /// The criteria that pick ``recommended``.
  public let supporters: [Criterion]
  /// The reading of the best mean silhouette, when silhouettes exist.
  public let structure: Structure?

  /// Evaluates the candidates (any order) and, if computed, the gap statistic.
  ///
  /// - Complexity: O(|candidates| log |candidates|).
  public init(_ candidates: [Candidate], gap: GapStatistic? = nil) {
    let sorted = candidates.sorted { $0.k < $1.k }
    // The first k with the best value (candidates ascend in k, so ties keep the smaller k).
    func best(_ value: (Candidate) -> Double?, higher: Bool) -> Int? {
      var pick: (k: Int, value: Double)?
      for c in sorted {
        guard let v = value(c), !v.isNaN else { continue }
        if let p = pick, !(higher ? v > p.value : v < p.value) { continue }
        pick = (c.k, v)
      }
      return pick?.k
    }
    var picks: [Pick] = []
    let curve = sorted.compactMap { c in c.withinSS.map { (Double(c.k), $0) } }
    if let knee = Self.knee(x: curve.map(\.0), y: curve.map(\.1)) {
      picks.append(Pick(criterion: .elbow, k: Int(curve[knee].0)))
    }
    if let k = best(\.silhouette, higher: true) { picks.append(Pick(criterion: .silhouette, k: k)) }
    if let k = best(\.calinskiHarabasz, higher: true) { picks.append(Pick(criterion: .calinskiHarabasz, k: k)) }
    if let k = best(\.daviesBouldin, higher: false) { picks.append(Pick(criterion: .daviesBouldin, k: k)) }
    if let gap { picks.append(Pick(criterion: .gap, k: gap.chosenK)) }
    if let k = best(\.bic, higher: false) { picks.append(Pick(criterion: .bic, k: k)) }
    self.picks = picks
    let ks = picks.map(\.k)
    let most = ks.map { k in ks.filter { $0 == k }.count }.max() ?? 0
    let tied = Set(ks.filter { k in ks.filter { $0 == k }.count == most }).sorted()
    let silhouettePick = picks.first { $0.criterion == .silhouette }?.k
    let recommended = silhouettePick.flatMap { tied.contains($0) ? $0 : nil } ?? tied.first
    self.recommended = recommended
    supporters = picks.filter { $0.k == recommended }.map(\.criterion)
    structure = sorted.compactMap(\.silhouette).filter { !$0.isNaN }.max().map(Structure.init(silhouette:))
  }

  /// Kneedle (Satopää, Albrecht, Irwin & Raghavan 2011, "Finding a 'kneedle' in a haystack", ICDCS Workshops) on a
  /// decreasing curve: both axes scaled to [0, 1], the point farthest below the chord from the first to the last
  /// point (the maximum of the difference curve; the offline form without smoothing). Returns its index, or nil
  /// for fewer than 3 points, a curve that does not decrease, or no point below the chord.
  ///
  /// - Complexity: O(n).
  public static func knee(x: [Double], y: [Double]) -> Int? {
    precondition(x.count == y.count, "one y per x")
    guard x.count >= 3, let x0 = x.first, let x1 = x.last, let y0 = y.first, let y1 = y.last, x1 > x0, y0 > y1
    else { return nil }
    var best: Int?
    var bestDifference = 0.0
    for i in x.indices {
      let xn = (x[i] - x0) / (x1 - x0)
      let yn = (y[i] - y1) / (y0 - y1)
      let difference = (1 - xn) - yn
      if difference > bestDifference {
        best = i
        bestDifference = difference
      }
    }
    return best
  }
}
