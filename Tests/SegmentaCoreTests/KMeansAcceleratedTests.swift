import SegmentaCore
import Testing

/// Elkan's and Hamerly's iterations: scikit-learn's `algorithm="elkan"` results from the same explicit starts,
/// and exactly our Lloyd's results (labels, centres, inertia, iterations) whatever the start or thread count.
@Suite struct KMeansAcceleratedTests {
  static let caseNames: [(group: String, name: String)] = [
    ("iris", "rows_0_50_100"), ("random", "tolerance_stop"), ("random", "max_iter_stop"), ("random", "default_tol"),
    ("random", "empty_cluster"), ("toy", "empty_cluster"), ("lowdim", "first_rows_tol0"), ("lowdim", "spread_rows"),
  ]

  @Test(arguments: [KMeans.Algorithm.elkan, .hamerly, .lloyd])
  func matchesScikitLearnElkanFromExplicitStarts(algorithm: KMeans.Algorithm) throws {
    let file = try KMeansVariantFixtures.file
    for (group, name) in Self.caseNames {
      let reference = try #require(file.elkan[group]?.cases[name], "\(group)/\(name) missing")
      let data = try KMeansVariantFixtures.matrix(group: group)
      let k = reference.initial.count / data.columns
      let start = FeatureMatrix(
        rows: k, columns: data.columns, names: data.names, values: ContiguousArray(reference.initial))
      let model = KMeans(
        k: k, initialization: .explicit(start), maxIterations: reference.maxIter, tolerance: reference.tol,
        algorithm: algorithm)
      for threads in [1, 2] {
        var rng = SeededRandom(seed: 1)
        let result = try model.fit(data, context: ExecutionContext(threads: threads), rng: &rng)
        let label = "\(algorithm) \(group)/\(name), \(threads) thread(s)"
        let differing = zip(result.labels, reference.labels).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(
          result.labels.count == reference.labels.count && differing == nil,
          "\(label): first differing row \(differing?.offset ?? -1)")
        #expect(result.iterations == reference.nIter, "\(label): iterations")
        let inertia = result.inertia ?? .nan
        #expect(isClose(inertia, reference.inertia, tolerance: 1e-9), "\(label): inertia \(inertia)")
        let centres = result.centroids?.values ?? []
        #expect(firstMismatch(centres, reference.centers, tolerance: 1e-9) == nil, "\(label): centres")
      }
    }
  }

  /// Continuous blobs (no ties) and small integer grids (many exact ties between centres): the accelerated
  /// schemes must give bit-identical results to Lloyd, with k-means++ and random starts, on 1 and 2 threads.
  @Test(arguments: [KMeans.Algorithm.elkan, .hamerly])
  func equalsLloydExactly(algorithm: KMeans.Algorithm) throws {
    for seed in KMeansPropertyTests.seeds {
      let blobs = KMeansPropertyTests.blobs(rows: 2500, columns: 3, centres: 7, spread: 70, seed: seed)
      let grid = Self.integerGrid(rows: 2100, columns: 2, levels: 6, seed: seed)
      for (name, data, k) in [("blobs", blobs, 7), ("grid", grid, 5)] {
        for initialization in [KMeans.Initialization.kMeansPlusPlus, .random] {
          let lloyd = KMeans(k: k, initialization: initialization, nInit: 2, tolerance: 0)
          var fast = lloyd
          fast.algorithm = algorithm
          var rngLloyd = SeededRandom(seed: seed)
          let expected = try lloyd.fit(data, context: ExecutionContext(threads: 1), rng: &rngLloyd)
          for threads in [1, 2] {
            var rng = SeededRandom(seed: seed)
            let result = try fast.fit(data, context: ExecutionContext(threads: threads), rng: &rng)
            #expect(result == expected, "seed \(seed), \(name), \(initialization), \(threads) thread(s)")
          }
        }
      }
    }
  }

  /// Row 3.0 becomes exactly equidistant from both centres in iteration 3: Lloyd (ours and scikit-learn's) takes
  /// the lower index, scikit-learn's Elkan keeps the current centre and ends in another partition. Ours all
  /// follow Lloyd.
  @Test(arguments: [KMeans.Algorithm.elkan, .hamerly, .lloyd])
  func exactTiesGoToTheLowestIndexAsInLloyd(algorithm: KMeans.Algorithm) throws {
    let group = try #require(try KMeansVariantFixtures.file.elkan["ties"])
    let lloyd = try #require(group.cases["lloyd"])
    let sklearnElkan = try #require(group.cases["sklearn_elkan"])
    let data = try KMeansVariantFixtures.matrix(group: "ties")
    let start = FeatureMatrix(rows: 2, columns: 1, names: data.names, values: ContiguousArray(lloyd.initial))
    var rng = SeededRandom(seed: 1)
    let result = try KMeans(k: 2, initialization: .explicit(start), tolerance: 0, algorithm: algorithm)
      .fit(data, context: .init(), rng: &rng)
    #expect(Array(result.labels) == lloyd.labels && result.iterations == lloyd.nIter)
    #expect(isClose(result.inertia ?? .nan, lloyd.inertia, tolerance: 1e-12))
    #expect(lloyd.labels != sklearnElkan.labels, "the fixture should show scikit-learn's Elkan diverging")
  }

  @Test(arguments: [KMeans.Algorithm.elkan, .hamerly])
  func singleSegmentAndDuplicateRowsWork(algorithm: KMeans.Algorithm) throws {
    let data = FeatureMatrix(rowsOf: [[1, 1], [1, 1], [1, 1], [2, 2], [2, 2]])
    var rng = SeededRandom(seed: 3)
    let one = try KMeans(k: 1, algorithm: algorithm).fit(data, context: .init(), rng: &rng)
    #expect(Array(one.labels) == [0, 0, 0, 0, 0])
    #expect(isClose(one.inertia ?? .nan, 2.4, tolerance: 1e-12), "centre (1.4, 1.4): 3 × 0.32 + 2 × 0.72")
    // More segments than distinct rows: the third segment stays empty and sits on the largest one's centre.
    let three = try KMeans(k: 3, initialization: .random, nInit: 1, algorithm: algorithm)
      .fit(data, context: .init(), rng: &rng)
    var lloydRng = SeededRandom(seed: 3)
    _ = try KMeans(k: 1).fit(data, context: .init(), rng: &lloydRng)
    let lloyd = try KMeans(k: 3, initialization: .random, nInit: 1).fit(data, context: .init(), rng: &lloydRng)
    #expect(three == lloyd)
    #expect(three.inertia == 0)
  }

  /// A fit of more than 255 passes: Elkan's stamps wrap there (every row's bounds are written back and the drift
  /// table restarts). Centres that all start at one end of evenly spaced points creep along the line for hundreds
  /// of passes while few labels change per pass; Elkan and Hamerly must still end exactly as Lloyd.
  @Test(arguments: [KMeans.Algorithm.elkan, .hamerly])
  func aFitOfMoreThan255PassesEqualsLloyd(algorithm: KMeans.Algorithm) throws {
    let line = FeatureMatrix(rowsOf: (0..<1500).map { [Double($0) / 1499] })
    let start = FeatureMatrix(rowsOf: (0..<20).map { [Double($0) / 1499] })
    let lloyd = KMeans(k: 20, initialization: .explicit(start), maxIterations: 2000, tolerance: 0)
    var fast = lloyd
    fast.algorithm = algorithm
    var rng = SeededRandom(seed: 1)
    let expected = try lloyd.fit(line, context: ExecutionContext(threads: 1), rng: &rng)
    let passes = expected.iterations ?? 0
    #expect(passes > 300, "the fit should run past the stamps' wrap: \(passes) passes")
    for threads in [1, 2] {
      let result = try fast.fit(line, context: ExecutionContext(threads: threads), rng: &rng)
      let found = "\(result.iterations ?? -1) passes, inertia \(result.inertia ?? .nan)"
      let same = result == expected
      #expect(same, "\(algorithm), \(threads) thread(s): \(found); Lloyd \(passes), \(expected.inertia ?? .nan)")
    }
  }

  /// `rows × columns` integers in `0..<levels`: many duplicate rows and rows equidistant from two centres.
  static func integerGrid(rows: Int, columns: Int, levels: Int, seed: UInt64) -> FeatureMatrix {
    var rng = SeededRandom(seed: seed)
    let values = ContiguousArray((0..<(rows * columns)).map { _ in Double(rng.nextInt(below: levels)) })
    return FeatureMatrix(rows: rows, columns: columns, names: (1...columns).map { "x\($0)" }, values: values)
  }
}
