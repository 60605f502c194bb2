import SegmentaCore
import Testing

/// k-medoids and k-prototypes properties without an external reference: CLARA close to PAM, results independent
/// of the thread count, Gower's gaps, and refusals that say what to do.
@Suite struct KMedoidsBehaviourTests {
  /// `rows` points around `k` centres in 4 dimensions, from the project's own generator.
  static func blobs(rows: Int, k: Int, seed: UInt64) -> FeatureMatrix {
    var rng = SeededRandom(seed: seed)
    let centres = (0..<(k * 4)).map { _ in rng.nextDouble() * 20 }
    var values = ContiguousArray<Double>()
    for i in 0..<rows {
      for j in 0..<4 { values.append(centres[(i % k) * 4 + j] + (rng.nextDouble() + rng.nextDouble() - 1) * 3) }
    }
    return FeatureMatrix(rows: rows, columns: 4, names: ["a", "b", "c", "d"], values: values)
  }

  /// Two categorical columns for `rows` rows: one following the row's blob, one random, some values missing.
  static func categories(rows: Int, k: Int, seed: UInt64, missing: Bool) -> CategoricalMatrix {
    var rng = SeededRandom(seed: seed)
    var codes = ContiguousArray<Int32>()
    for i in 0..<rows {
      codes.append(missing && i % 17 == 3 ? -1 : Int32(i % k % 3))
      codes.append(missing && i % 23 == 5 ? -1 : Int32(rng.nextInt(below: 4)))
    }
    return CategoricalMatrix(
      rows: rows, names: ["channel", "region"], levels: [["a", "b", "c"], ["n", "o", "s", "w"]], codes: codes)
  }

  static func cost(_ result: ClusteringResult) -> Double { result.criteria.first { $0.name == "cost" }?.value ?? .nan }

  static func fit(_ model: some ClusteringAlgorithm, _ data: FeatureMatrix, threads: Int = 1, seed: UInt64 = 7)
    throws(SegmentaError) -> ClusteringResult
  {
    var rng = SeededRandom(seed: seed)
    return try model.fit(data, context: ExecutionContext(threads: threads), rng: &rng)
  }

  /// With R's default samples of 40 + 2k rows CLARA stays within 10 % of PAM's cost on 1,500 rows in 5 blobs
  /// (5–7 % here); with samples of 400 rows within 2 %.
  @Test func claraCostIsCloseToPAM() throws {
    let data = Self.blobs(rows: 1_500, k: 5, seed: 1)
    let pam = Self.cost(try Self.fit(KMedoids(k: 5), data, threads: 2))
    let clara = Self.cost(try Self.fit(KMedoids(k: 5, method: .clara), data, threads: 2))
    let large = Self.cost(try Self.fit(KMedoids(k: 5, method: .clara, sampleSize: 400), data, threads: 2))
    #expect(clara <= pam * 1.10, "CLARA (40+2k) \(clara) vs PAM \(pam)")
    #expect(large <= pam * 1.02, "CLARA (400) \(large) vs PAM \(pam)")
  }

  @Test func claraOnASampleOfEveryRowIsPAM() throws {
    let data = Self.blobs(rows: 200, k: 3, seed: 2)
    let pam = try Self.fit(KMedoids(k: 3, metric: .manhattan), data)
    let clara = try Self.fit(KMedoids(k: 3, metric: .manhattan, method: .clara, sampleSize: 500), data)
    #expect(clara.centroids == pam.centroids)
    #expect(Self.cost(clara) == Self.cost(pam))
  }

  @Test func resultsDoNotDependOnTheThreadCount() throws {
    let data = Self.blobs(rows: 1_200, k: 4, seed: 3)
    let categorical = Self.categories(rows: 1_200, k: 4, seed: 3, missing: true)
    let complete = Self.categories(rows: 1_200, k: 4, seed: 3, missing: false)
    let models: [any ClusteringAlgorithm] = [
      KMedoids(k: 4),
      KMedoids(k: 4, metric: .manhattan, method: .clara, samples: 3),
      KMedoids(k: 4, metric: .gower, categorical: categorical),
      KPrototypes(k: 4, categorical: complete, nInit: 4),
    ]
    for model in models {
      let one = try Self.fit(model, data, threads: 1)
      let two = try Self.fit(model, data, threads: 2)
      #expect(one == two, "\(model.algorithmName) \(model.parameterList)")
    }
  }

  @Test func claraSamplesDependOnTheSeed() throws {
    let data = Self.blobs(rows: 1_000, k: 4, seed: 4)
    let model = KMedoids(k: 4, method: .clara, samples: 1)
    #expect(try Self.fit(model, data, seed: 1) == Self.fit(model, data, seed: 1))
    #expect(try Self.fit(model, data, seed: 1).centroids != Self.fit(model, data, seed: 2).centroids)
  }

  @Test func gowerLeavesMissingValuesOutAndScalesByTheRange() throws {
    let numeric = FeatureMatrix(rowsOf: [[0, 5], [10, .nan], [5, 5], [.nan, .nan]])
    let categorical = CategoricalMatrix(
      rows: 4, names: ["c"], levels: [["x", "y"]], codes: [0, 1, -1, -1])
    let gower = GowerDissimilarity(try MixedData(numeric: numeric, categorical: categorical))
    #expect(gower[0, 1] == (1.0 + 1.0) / 2, "|0 − 10| / 10 and a mismatch; the second column is missing in row 1")
    #expect(gower[0, 2] == (0.5 + 0.0) / 2, "constant column: range 1, difference 0; category missing in row 2")
    #expect(gower[0, 3].isNaN, "row 3 has no value at all")
    let error = #expect(throws: SegmentaError.self) {
      try Self.fit(KMedoids(k: 2, metric: .gower, categorical: categorical), numeric)
    }
    #expect(error?.description.contains("Gower dissimilarity is undefined") == true, "\(String(describing: error))")
  }

  @Test func refusalsSayWhatToDo() throws {
    let small = Self.blobs(rows: 30, k: 3, seed: 5)
    let complete = Self.categories(rows: 30, k: 3, seed: 5, missing: false)
    let gappy = Self.categories(rows: 30, k: 3, seed: 5, missing: true)
    let large = FeatureMatrix(
      rows: KMedoids.pamRowLimit + 1, columns: 1, names: ["x"],
      values: ContiguousArray((0...KMedoids.pamRowLimit).map(Double.init)))
    let duplicates = FeatureMatrix(rowsOf: [[1], [1], [2], [2], [2]])
    var withNaN = small
    withNaN[4, 1] = .nan
    let cases: [(any ClusteringAlgorithm, FeatureMatrix, String)] = [
      (KMedoids(k: 3), large, "method=clara above 10000 rows"),
      (KMedoids(k: 3, categorical: complete), small, "categorical=channel,region is invalid: expected metric=gower"),
      (KMedoids(k: 3), withNaN, "missing values in b (1 of 30)"),
      (KMedoids(k: 3), duplicates, "fewer than 3 distinct rows at this metric; choose k ≤ 2"),
      (KMedoids(k: 3, method: .clara, sampleSize: 3), small, "sampsize=3 is invalid"),
      (KMedoids(k: 40), small, "k=40 but only 30 rows"),
      (KPrototypes(k: 3, categorical: gappy), small, "use `run kmedoids metric=gower`"),
      (KPrototypes(k: 3, categorical: complete, gamma: .value(-1)), small, "gamma=-1.0 is invalid"),
    ]
    for (model, data, message) in cases {
      let error = #expect(throws: SegmentaError.self) { try Self.fit(model, data) }
      #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }
  }
}
