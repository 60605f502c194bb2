import SegmentaCore

extension RunMethod {
  /// `run dbscan eps=X [min_points=5]`: eps is required (`kdist` suggests one); min_points defaults to 5, as
  /// scikit-learn's `min_samples`, and counts the row itself.
  static let dbscan = RunMethod(
    name: "dbscan", usage: "eps=X [min_points=5]", optionKeys: ["eps", "min_points"], usesSeed: false
  ) { command, _ throws(SessionError) in
    guard
      let eps = try command.double(
        "eps", expected: "a distance > 0 in feature units; `kdist` suggests one", valid: { $0 > 0 })
    else {
      throw .usage(
        "eps= is required, e.g. eps=0.5; `kdist min_points=5` suggests one for the active features", column: nil)
    }
    let minPoints = try command.int("min_points", default: 5, in: 1...100_000) ?? 5
    return [Fit(suffix: nil, algorithm: DBSCAN(eps: eps, minPoints: minPoints))]
  }

  /// `run hdbscan min_size=N [min_samples=N]`: min_samples defaults to min_size and counts the row itself (as
  /// scikit-learn; the hdbscan package's min_samples=m is min_samples=m+1 here).
  static let hdbscan = RunMethod(
    name: "hdbscan", usage: "min_size=N [min_samples=min_size]", optionKeys: ["min_size", "min_samples"],
    usesSeed: false
  ) { command, _ throws(SessionError) in
    guard let minSize = try command.int("min_size", in: 2...1_000_000) else {
      throw .usage("min_size= is required: the smallest segment worth naming, e.g. min_size=15", column: nil)
    }
    let minSamples = try command.int("min_samples", in: 1...1_000_000)
    return [Fit(suffix: nil, algorithm: HDBSCAN(minSize: minSize, minSamples: minSamples))]
  }
}
