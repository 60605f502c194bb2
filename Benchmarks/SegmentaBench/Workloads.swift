import Foundation
import SegmentaCore

/// Every clustering and metric workload of `peers.py`, with its parameters, on the prepared `data`.
struct Workloads {
  let arguments: Arguments
  let data: BenchData
  let context: ExecutionContext

  static let warmupRows = 500

  var matrix: FeatureMatrix { data.features }
  var warmup: FeatureMatrix { matrix.selectingRows(Array(0..<min(Self.warmupRows, matrix.rows))) }
  var warmupTruth: ContiguousArray<Int32> { ContiguousArray(data.truth.prefix(Self.warmupRows)) }

  func measure() throws -> Measurement {
    switch arguments.workload {
    case "kmeans", "kmeans_fixedinit", "minibatch_kmeans": try kMeans()
    case "silhouette", "calinski_harabasz", "davies_bouldin": try metric()
    case "ward": try ward()
    case "dbscan": try dbscan()
    case "hdbscan": try hdbscan()
    case "gmm": try gmm()
    case "kprototypes": try kPrototypes()
    default: throw BenchError.usage("unknown workload \(arguments.workload)")
    }
  }

  /// Times `body` (wall clock) and returns its value.
  func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    var value: T?
    let elapsed = try ContinuousClock().measure { value = try body() }
    return (value!, elapsed.seconds)
  }

  /// CPU time of the whole process so far (all threads), to tell the work from the wait on a loaded machine.
  func processCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }

  /// ARI against `true_segment`, noise (−1) counting as one label as in `peers.py`.
  func ari(_ labels: ContiguousArray<Int32>) throws -> Double {
    try ClusterMetrics.adjustedRandIndex(data.truth, labels, noise: .asSegment)
  }

  func labelStats(_ labels: ContiguousArray<Int32>) -> [(String, JSONLine)] {
    let clusters = Set(labels.filter { $0 >= 0 }).count
    let noise = labels.reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
    return [("n_clusters", .int(clusters)), ("noise_frac", .number(Double(noise) / Double(labels.count)))]
  }

  func parameterList(_ model: any ClusteringAlgorithm) -> [(String, JSONLine)] {
    model.parameterList.map { ($0.key, JSONLine.string($0.value)) }
  }

  // MARK: k-means

  func kMeansModel(for data: FeatureMatrix) -> any ClusteringAlgorithm {
    let a = arguments
    switch a.workload {
    case "kmeans_fixedinit":
      return KMeans(
        k: a.k, initialization: .explicit(data.selectingRows(Array(0..<a.k))), nInit: 1, maxIterations: a.maxIter,
        tolerance: 0, algorithm: a.algorithm)
    case "minibatch_kmeans": return MiniBatchKMeans(k: a.k, nInit: a.nInit, batchSize: a.batchSize, maxIterations: 100)
    default: return KMeans(k: a.k, nInit: a.nInit, maxIterations: 300, tolerance: 1e-4, algorithm: a.algorithm)
    }
  }

  func kMeans() throws -> Measurement {
    let a = arguments
    var warmRng = SeededRandom(seed: a.seed)
    _ = try kMeansModel(for: warmup).fit(warmup, context: context, rng: &warmRng)
    var rng = SeededRandom(seed: a.seed)
    let model = kMeansModel(for: matrix)
    let cpuBefore = processCPUSeconds()
    let (result, seconds) = try timed { try model.fit(matrix, context: context, rng: &rng) }
    let cpuSeconds = processCPUSeconds() - cpuBefore
    let iterations = result.iterations ?? 0
    var sizes = [Int](repeating: 0, count: result.k)
    for label in result.labels where label >= 0 { sizes[Int(label)] += 1 }
    var outcome: [(String, JSONLine)] = [
      ("inertia", .number(result.inertia ?? .nan)),
      (a.workload == "minibatch_kmeans" ? "n_steps" : "n_iter", .int(iterations)),
      ("ari", .number(try ari(result.labels))),
    ]
    if a.workload == "minibatch_kmeans" {
      outcome.append(("n_iter", .int((iterations * min(a.batchSize, matrix.rows) + matrix.rows - 1) / matrix.rows)))
    } else {
      outcome.append(("s_per_iter", .number(seconds / Double(max(1, iterations)))))
      outcome.append(("cpu_s_per_iter", .number(cpuSeconds / Double(max(1, iterations)))))
      outcome.append(("sizes", .array(sizes.map { .int($0) })))
    }
    return Measurement(
      seconds: seconds, k: .int(a.k), parameters: parameterList(model) + [("seed", .int(Int(a.seed)))],
      result: outcome)
  }

  // MARK: metrics on true_segment

  func metric() throws -> Measurement {
    let a = arguments
    var parameters: [(String, JSONLine)] = [("labels", .string("true_segment"))]
    let k = Set(data.truth).count
    func value(_ x: FeatureMatrix, _ labels: ContiguousArray<Int32>) throws -> Double {
      switch a.workload {
      case "silhouette":
        if a.sample > 0 && a.sample < x.rows {
          // A seeded sample without replacement (partial Fisher–Yates), then the exact silhouette on it.
          var rng = SeededRandom(seed: a.seed)
          var order = Array(0..<x.rows)
          for i in 0..<a.sample { order.swapAt(i, i + rng.nextInt(below: x.rows - i)) }
          let rows = Array(order[0..<a.sample])
          return try ClusterMetrics.silhouette(
            x.selectingRows(rows), labels: ContiguousArray(rows.map { labels[$0] }), context: context)
        }
        return try ClusterMetrics.silhouette(x, labels: labels, context: context)
      case "calinski_harabasz": return try ClusterMetrics.calinskiHarabasz(x, labels: labels)
      default: return try ClusterMetrics.daviesBouldin(x, labels: labels)
      }
    }
    if a.workload == "silhouette" {
      parameters.append(("sample_size", a.sample > 0 && a.sample < matrix.rows ? .int(a.sample) : .null))
      if a.sample > 0 { parameters.append(("seed", .int(Int(a.seed)))) }
    }
    _ = try value(warmup, warmupTruth)
    let (v, seconds) = try timed { try value(matrix, data.truth) }
    return Measurement(seconds: seconds, k: .int(k), parameters: parameters, result: [("value", .number(v))])
  }

  // MARK: hierarchical

  func ward() throws -> Measurement {
    let model = Hierarchical(linkage: .ward, cut: .segments(arguments.k))
    var rng = SeededRandom(seed: arguments.seed)
    _ = try model.fit(warmup, context: context, rng: &rng)
    let (result, seconds) = try timed { try model.fit(matrix, context: context, rng: &rng) }
    let heights = (result.merges ?? []).suffix(arguments.k).map { JSONLine.number($0.height) }
    var sizes = [Int](repeating: 0, count: result.k)
    for label in result.labels where label >= 0 { sizes[Int(label)] += 1 }
    return Measurement(
      seconds: seconds, k: .int(arguments.k),
      parameters: [
        ("method", .string("ward")), ("metric", .string("euclidean")), ("cut", .string("segments \(arguments.k)")),
      ],
      result: [
        ("ari", .number(try ari(result.labels))), ("top_heights", .array(Array(heights))),
        ("sizes", .array(sizes.sorted(by: >).map { .int($0) })),
      ])
  }

  // MARK: density

  /// Kneedle's index on an increasing curve (as `peers.py`'s `kneedle`).
  static func kneedle(_ y: [Double]) -> Int {
    let span = y[y.count - 1] - y[0]
    var best = 0
    var bestValue = -Double.infinity
    for i in y.indices {
      let x = Double(i) / Double(y.count - 1)
      let value = x - (y[i] - y[0]) / span
      if value > bestValue {
        bestValue = value
        best = i
      }
    }
    return best
  }

  func dbscan() throws -> Measurement {
    let a = arguments
    let minPoints = a.minSamples > 0 ? a.minSamples : 2 * matrix.columns
    let (curve, epsSeconds) = try timed { try KDistanceCurve(matrix, minPoints: minPoints, context: context) }
    let kd = curve.distances
    let floor = kd.first { $0 > 0 } ?? 1e-12
    let logCurve = kd.map { Foundation.log(max($0, floor)) }
    let kneeLinear = Self.kneedle(kd)
    let kneeLog = Self.kneedle(logCurve)
    let index =
      switch a.epsRule {
      case "knee_linear": kneeLinear
      case "p50": kd.count / 2
      default: kneeLog
      }
    let eps = a.eps > 0 ? a.eps : kd[index]
    let model = DBSCAN(eps: eps, minPoints: minPoints)
    var rng = SeededRandom(seed: a.seed)
    _ = try model.fit(warmup, context: context, rng: &rng)
    let (result, seconds) = try timed { try model.fit(matrix, context: context, rng: &rng) }
    return Measurement(
      seconds: seconds, k: .string("auto"),
      parameters: [
        ("eps", .number(eps)), ("min_samples", .int(minPoints)), ("eps_rule", .string(a.eps > 0 ? "--eps" : a.epsRule)),
        ("eps_quantile", .number(Double(index) / Double(kd.count - 1))), ("knee_linear_eps", .number(kd[kneeLinear])),
        ("knee_log_eps", .number(kd[kneeLog])), ("kdist_p50", .number(kd[kd.count / 2])),
        ("kdist_p99", .number(kd[Int(Double(kd.count) * 0.99)])),
      ],
      result: [("ari", .number(try ari(result.labels)))] + labelStats(result.labels) + [
        ("core_frac", .number(Double(curve.coreCount(eps: eps)) / Double(matrix.rows)))
      ],
      extra: [("eps_select_s", .number(epsSeconds))])
  }

  func hdbscan() throws -> Measurement {
    let model = HDBSCAN(minSize: arguments.minClusterSize)
    var rng = SeededRandom(seed: arguments.seed)
    _ = try model.fit(warmup, context: context, rng: &rng)
    let (result, seconds) = try timed { try model.fit(matrix, context: context, rng: &rng) }
    return Measurement(
      seconds: seconds, k: .string("auto"),
      parameters: [
        ("min_cluster_size", .int(arguments.minClusterSize)), ("min_samples", .int(model.effectiveMinSamples)),
        ("note", .string("min_samples counts the row itself (scikit-learn's convention)")),
      ],
      result: [("ari", .number(try ari(result.labels)))] + labelStats(result.labels))
  }

  // MARK: mixtures and mixed data

  func gmm() throws -> Measurement {
    let model = GaussianMixture(
      k: arguments.k, covarianceType: .full, initialization: .kMeans, nInit: 1, maxIterations: 100, tolerance: 1e-3)
    var warmRng = SeededRandom(seed: arguments.seed)
    _ = try model.fitModel(warmup, context: context, rng: &warmRng)
    var rng = SeededRandom(seed: arguments.seed)
    let (fitted, seconds) = try timed { try model.fitModel(matrix, context: context, rng: &rng) }
    return Measurement(
      seconds: seconds, k: .int(arguments.k), parameters: parameterList(model) + [("seed", .int(Int(arguments.seed)))],
      result: [
        ("converged", .bool(fitted.converged)), ("n_iter", .int(fitted.iterations)),
        ("lower_bound", .number(fitted.lowerBound)), ("ari", .number(try ari(fitted.labels))),
      ])
  }

  func kPrototypes() throws -> Measurement {
    guard let categorical = data.categorical else { throw BenchError.usage("no categorical columns") }
    let q = categorical.names.count
    let warmRows = min(Self.warmupRows, matrix.rows)
    let warmCategorical = CategoricalMatrix(
      rows: warmRows, names: categorical.names, levels: categorical.levels,
      codes: ContiguousArray(categorical.codes.prefix(warmRows * q)))
    var warmRng = SeededRandom(seed: arguments.seed)
    _ = try KPrototypes(k: arguments.k, categorical: warmCategorical, nInit: 1, maxIterations: 100)
      .fit(warmup, context: context, rng: &warmRng)
    let model = KPrototypes(k: arguments.k, categorical: categorical, nInit: arguments.nInit, maxIterations: 100)
    var rng = SeededRandom(seed: arguments.seed)
    let (result, seconds) = try timed { try model.fit(matrix, context: context, rng: &rng) }
    let criterion = { (name: String) in result.criteria.first { $0.name == name }?.value ?? .nan }
    return Measurement(
      seconds: seconds, k: .int(arguments.k), d: matrix.columns + q,
      parameters: parameterList(model) + [("seed", .int(Int(arguments.seed)))],
      result: [
        ("cost", .number(criterion("cost"))), ("n_iter", .int(result.iterations ?? 0)),
        ("gamma", .number(criterion("gamma"))), ("ari", .number(try ari(result.labels))),
      ])
  }
}
