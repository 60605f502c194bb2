import SegmentaCore

/// One clustering method reachable as `run NAME …`: declared once, so usage, option keys, completion and the
/// reference derive from it. Adding an algorithm to the REPL is one file with one `RunMethod` plus its line in
/// ``RunMethod/all``.
struct RunMethod: Sendable {
  /// One fit of a sweep: the algorithm configuration and the variant-name suffix (`k4`), if part of a sweep.
  struct Fit: Sendable {
    let suffix: String?
    let algorithm: any ClusteringAlgorithm
  }

  /// The method word after `run`.
  let name: String
  /// The synopsis after `run NAME`, e.g. `k=N|A..B [init=k-means++|random]`.
  let usage: String
  /// Option keys it accepts (`seed` is added for methods that use randomness).
  let optionKeys: [String]
  /// Whether the method draws random numbers (then `seed=` is accepted and the seed is recorded).
  var usesSeed = true
  /// Builds the fits from the command's options (one per k of a sweep). The input gives access to the active
  /// table and the prepared features, for methods that also use columns outside the feature matrix
  /// (e.g. categorical columns for k-prototypes, aligned with `features.rowIndices`).
  let configure: @Sendable (ParsedCommand, RunInput) throws(SessionError) -> [Fit]

  /// Every method, in the order `help run` lists them.
  static let all: [RunMethod] = [
    .kmeans,
    .hierarchical,
    .gaussianMixture,
    .kmedoids,
    .kprototypes,
    .dbscan,
    .hdbscan,
  ]

  /// The method called `name`.
  static func named(_ name: String) -> RunMethod? { all.first { $0.name == name } }

  /// Fits for each k of a `k=` option (a single value or a range): the helper most methods use.
  static func sweep(_ command: ParsedCommand, _ make: (Int) throws(SessionError) -> any ClusteringAlgorithm)
    throws(SessionError) -> [Fit]
  {
    guard let ks = try command.intList("k", in: 1...10_000) else {
      throw .usage("k= is required, e.g. k=4 or k=2..8", column: nil)
    }
    var fits: [Fit] = []
    for k in ks { fits.append(Fit(suffix: ks.count > 1 ? "k\(k)" : nil, algorithm: try make(k))) }
    return fits
  }
}

/// What a method's configuration may look at besides the command: the active dataset and its prepared features.
struct RunInput: Sendable {
  let table: Table
  let features: PreparedFeatures
}

extension RunMethod {
  /// `run kmeans k=… [init=] [n_init=] [max_iter=] [tol=] [algorithm=]`
  static let kmeans = RunMethod(
    name: "kmeans",
    usage: "k=N|A..B [init=k-means++|random] [n_init=10] [max_iter=300] [tol=1e-4] [algorithm=lloyd]",
    optionKeys: ["k", "init", "n_init", "max_iter", "tol", "algorithm"]
  ) { command, _ throws(SessionError) in
    let initName = try command.choice("init", ["k-means++", "random"], default: "k-means++") ?? "k-means++"
    let nInit = try command.int("n_init", default: 10, in: 1...1000) ?? 10
    let maxIter = try command.int("max_iter", default: 300, in: 1...100_000) ?? 300
    let tol = try command.double("tol", default: 1e-4, expected: "a number ≥ 0") { $0 >= 0 } ?? 1e-4
    let algorithmName = try command.choice("algorithm", KMeans.Algorithm.allCases.map(\.rawValue)) ?? "lloyd"
    let algorithm = KMeans.Algorithm(rawValue: algorithmName) ?? .lloyd
    return try sweep(command) { k in
      KMeans(
        k: k, initialization: initName == "random" ? .random : .kMeansPlusPlus, nInit: nInit,
        maxIterations: maxIter, tolerance: tol, algorithm: algorithm)
    }
  }
}
