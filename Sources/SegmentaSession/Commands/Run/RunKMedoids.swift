import SegmentaCore

extension RunMethod {
  /// `run kmedoids k=… [metric=] [method=] [categorical=COL,…] [max_iter=] [samples=] [sampsize=]`
  ///
  /// The numeric part is the prepared feature matrix for every metric, Gower included: Gower range-scales each
  /// variable itself, which makes it blind to z-score, robust or min–max scaling (all affine), while the user's
  /// nonlinear transforms (log1p of revenue) and one-hot columns are kept, as for every other method.
  static let kmedoids = RunMethod(
    name: "kmedoids",
    usage: "k=N|A..B [metric=euclidean|manhattan|gower] [method=pam|clara] [categorical=COL,…] [max_iter=100] "
      + "[samples=5] [sampsize=40+2k]",
    optionKeys: ["k", "metric", "method", "categorical", "max_iter", "samples", "sampsize"]
  ) { command, input throws(SessionError) in
    let metricName = try command.choice("metric", KMedoids.Metric.allCases.map(\.rawValue)) ?? "euclidean"
    let metric = KMedoids.Metric(rawValue: metricName) ?? .euclidean
    let methodName = try command.choice("method", KMedoids.Method.allCases.map(\.rawValue)) ?? "pam"
    let method = KMedoids.Method(rawValue: methodName) ?? .pam
    let maxIter = try command.int("max_iter", default: 100, in: 1...100_000) ?? 100
    if method == .pam, let option = command.value("samples") ?? command.value("sampsize") {
      throw .usage("\(option.key)= applies to method=clara only", column: option.column)
    }
    let samples = try command.int("samples", default: 5, in: 1...1000) ?? 5
    let sampleSize = try command.int("sampsize", in: 2...KMedoids.pamRowLimit)
    let categorical = try categoricalColumns(command, input)
    if let categorical, metric != .gower, let option = command.value("categorical") {
      throw .usage(
        "categorical=\(categorical.names.joined(separator: ",")) needs metric=gower (euclidean and manhattan "
          + "compare the numeric features only)", column: option.column)
    }
    return try sweep(command) { k in
      KMedoids(
        k: k, metric: metric, method: method, categorical: categorical, maxIterations: maxIter, samples: samples,
        sampleSize: sampleSize)
    }
  }

  /// `run kprototypes k=… categorical=COL,… [gamma=auto|X] [n_init=10] [max_iter=100]`
  static let kprototypes = RunMethod(
    name: "kprototypes",
    usage: "k=N|A..B categorical=COL,… [gamma=auto|X] [n_init=10] [max_iter=100]",
    optionKeys: ["k", "categorical", "gamma", "n_init", "max_iter"]
  ) { command, input throws(SessionError) in
    guard let categorical = try categoricalColumns(command, input) else {
      throw .usage(
        "categorical= is required, e.g. categorical=wz_section,size_class (without categorical columns, use kmeans)",
        column: nil)
    }
    var gamma = KPrototypes.Gamma.auto
    if let option = command.value("gamma"), option.value != "auto" {
      guard let v = Double(option.value), v.isFinite, v >= 0 else {
        throw .usage("gamma=\(option.value) is invalid: expected auto or a number ≥ 0", column: option.column)
      }
      gamma = .value(v)
    }
    let nInit = try command.int("n_init", default: 10, in: 1...1000) ?? 10
    let maxIter = try command.int("max_iter", default: 100, in: 1...100_000) ?? 100
    return try sweep(command) { k in
      KPrototypes(k: k, categorical: categorical, gamma: gamma, nInit: nInit, maxIterations: maxIter)
    }
  }

  /// The `categorical=COL,…` columns of the active table, encoded for the clustered rows; `nil` when absent.
  /// A column may not also be a feature: it would count twice.
  private static func categoricalColumns(_ command: ParsedCommand, _ input: RunInput) throws(SessionError)
    -> CategoricalMatrix?
  {
    guard let option = command.value("categorical") else { return nil }
    let names = option.value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    if names.contains(where: \.isEmpty) {
      throw .usage(
        "categorical=\(option.value) is invalid: expected column names separated by commas", column: option.column)
    }
    if let repeated = names.enumerated().first(where: { names[..<$0.offset].contains($0.element) })?.element {
      throw .usage("column '\(repeated)' is named twice in categorical=", column: option.column)
    }
    if let shared = names.first(where: { name in input.features.rawColumns.contains { $0.name == name } }) {
      throw .usage(
        "column '\(shared)' is a feature and in categorical=; drop it from one of them (`features -\(shared)`) so it "
          + "counts once", column: option.column)
    }
    do {
      let columns = try input.table.requireColumns(names)
      return try CategoricalMatrix(encoding: columns, rows: input.features.rowIndices)
    } catch {
      throw .failed(error)
    }
  }
}
