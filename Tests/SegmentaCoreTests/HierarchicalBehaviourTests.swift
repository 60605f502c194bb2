import SegmentaCore
import Testing

/// What a user can get wrong when asking for a hierarchical clustering, the size limit, the shared tree of a sweep
/// and independence from the thread count.
@Suite struct HierarchicalBehaviourTests {
  let five = FeatureMatrix(rowsOf: [[0, 0], [1, 0], [0, 1], [5, 5], [6, 5]], names: ["a", "b"])

  private func fit(_ model: Hierarchical, _ data: FeatureMatrix, threads: Int = 1) throws(SegmentaError)
    -> ClusteringResult
  {
    var rng = SeededRandom(seed: 1)
    return try model.fit(data, context: ExecutionContext(threads: threads), rng: &rng)
  }

  private func error(_ model: Hierarchical, _ data: FeatureMatrix? = nil) -> SegmentaError? {
    do {
      _ = try fit(model, data ?? five)
      return nil
    } catch {
      return error
    }
  }

  /// Seeded uniform points (no ties with probability 1).
  private func randomPoints(rows: Int, columns: Int, seed: UInt64) -> FeatureMatrix {
    var rng = SeededRandom(seed: seed)
    return FeatureMatrix(
      rows: rows, columns: columns, names: (1...columns).map { "x\($0)" },
      values: ContiguousArray((0..<(rows * columns)).map { _ in rng.nextDouble() }))
  }

  @Test func parametersOutOfRangeAreRejectedWithWhatToDo() {
    #expect(error(Hierarchical(cut: .segments(0))) == .invalidParameter(name: "k", value: "0", expected: "k ≥ 1"))
    #expect(error(Hierarchical(cut: .segments(6)))?.description.contains("k=6 but only 5 rows") == true)
    for height in [-1, Double.nan, .infinity] {
      guard case .invalidParameter(name: "height", _, _) = error(Hierarchical(cut: .height(height))) else {
        Issue.record("height=\(height) accepted")
        continue
      }
    }
    let empty = FeatureMatrix(rows: 0, columns: 2, names: ["a", "b"], values: [])
    #expect(error(Hierarchical(cut: .segments(1)), empty)?.description.contains("at least one row") == true)
  }

  @Test func missingAndInfiniteValuesAreRefused() {
    let missing = FeatureMatrix(rowsOf: [[0, .nan], [1, 2], [3, 4]], names: ["a", "b"])
    #expect(
      error(Hierarchical(cut: .segments(2)), missing)
        == .missingValues(counts: [.init(column: "b", missing: 1, rows: 3)]))
    let infinite = FeatureMatrix(rowsOf: [[0, .infinity], [1, 2], [3, 4]], names: ["a", "b"])
    #expect(error(Hierarchical(cut: .segments(2)), infinite)?.description.contains("±infinity") == true)
  }

  @Test func distanceMatrixAboveTheLimitIsRefusedBeforeAllocatingWithAlternatives() throws {
    let data = randomPoints(rows: 100, columns: 2, seed: 3)
    // 100 rows: 4,950 pairs × 8 bytes = 39,600 bytes.
    for linkage in [Hierarchical.Linkage.complete, .average] {
      let refused = error(Hierarchical(linkage: linkage, cut: .segments(2), memoryLimit: 39_599), data)
      guard case .memoryLimit(_, let bytes, let limit, _) = refused else {
        Issue.record("\(linkage) over the limit was not refused: \(String(describing: refused))")
        continue
      }
      #expect(bytes == 39_600 && limit == 39_599)
      let message = refused?.description ?? ""
      #expect(message.contains("\(linkage.rawValue) linkage on 100 rows"), "\(message)")
      #expect(message.contains("39.6 kB"), "\(message)")
      #expect(message.contains("use linkage=ward"), "\(message)")
      #expect(error(Hierarchical(linkage: linkage, cut: .segments(2), memoryLimit: 39_600), data) == nil)
    }
    for linkage in [Hierarchical.Linkage.ward, .single] {
      #expect(error(Hierarchical(linkage: linkage, cut: .segments(2), memoryLimit: 0), data) == nil)
    }
  }

  @Test func memoryMessageGivesTheEstimateAndTheLimitInDecimalUnits() {
    let message = SegmentaError.memoryLimit(
      computation: "complete linkage on 50000 rows", bytes: 9_999_800_000, limit: Hierarchical.defaultMemoryLimit,
      advice: "use linkage=ward"
    ).description
    #expect(
      message
        == "complete linkage on 50000 rows needs about 10 GB of memory, more than the 2 GB limit: use linkage=ward")
  }

  @Test(arguments: Hierarchical.Linkage.allCases)
  func oneRowIsOneSegmentWithoutMerges(linkage: Hierarchical.Linkage) throws {
    let one = FeatureMatrix(rowsOf: [[1, 2]])
    let result = try fit(Hierarchical(linkage: linkage, cut: .segments(1)), one)
    #expect(result.labels == [0] && result.k == 1 && result.merges == [])
    #expect(try fit(Hierarchical(linkage: linkage, cut: .height(0)), one).k == 1)
  }

  @Test func segmentsAreNumberedByFirstRowWithMeansAndWithinSumOfSquares() throws {
    let result = try fit(Hierarchical(linkage: .ward, cut: .segments(2)), five)
    #expect(result.labels == [0, 0, 0, 1, 1])
    #expect(result.centroids?.values == [1.0 / 3, 1.0 / 3, 5.5, 5])
    #expect(isClose(result.inertia ?? .nan, 4.0 / 3 + 0.5, tolerance: 1e-12))
    // Two pairs at distance 1 merge at √(2·½·1) = 1; the third point joins a pair at √(2·⅔·1.25) = √(5/3).
    let heights = try #require(result.merges).map(\.height)
    #expect(firstMismatch(heights.prefix(3), [1, 1, (5.0 / 3).squareRoot()], tolerance: 1e-12) == nil, "\(heights)")
  }

  @Test func heightCutKeepsMergesAtOrBelowTheHeight() throws {
    // Single linkage on a line: gaps 1, 2, 4.
    let line = FeatureMatrix(rowsOf: [[0], [1], [3], [7]])
    let heights: [(Double, Int)] = [(0.5, 4), (1, 3), (1.5, 3), (2, 2), (4, 1), (100, 1)]
    for (height, k) in heights {
      #expect(try fit(Hierarchical(linkage: .single, cut: .height(height)), line).k == k, "height \(height)")
    }
  }

  @Test func aSweepSharingACacheBuildsOneTreeAndGivesTheSameResults() throws {
    let data = randomPoints(rows: 300, columns: 3, seed: 11)
    for linkage in Hierarchical.Linkage.allCases {
      let cache = Hierarchical.TreeCache()
      var storage: Set<UnsafeRawPointer?> = []
      for k in 1...6 {
        let cached = try fit(Hierarchical(linkage: linkage, cut: .segments(k), treeCache: cache), data)
        #expect(cached == (try fit(Hierarchical(linkage: linkage, cut: .segments(k)), data)), "\(linkage) k=\(k)")
        storage.insert(cached.merges?.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) })
      }
      #expect(storage.count == 1, "the fits of a sweep share one tree")
      // The cache answers only for the same data and linkage.
      let other = randomPoints(rows: 300, columns: 3, seed: 12)
      let otherCached = try fit(Hierarchical(linkage: linkage, cut: .segments(3), treeCache: cache), other)
      #expect(otherCached == (try fit(Hierarchical(linkage: linkage, cut: .segments(3)), other)))
    }
    let cache = Hierarchical.TreeCache()
    let ward = try fit(Hierarchical(linkage: .ward, cut: .segments(3), treeCache: cache), data)
    let single = try fit(Hierarchical(linkage: .single, cut: .segments(3), treeCache: cache), data)
    #expect(single == (try fit(Hierarchical(linkage: .single, cut: .segments(3)), data)))
    #expect(ward.merges != single.merges)
  }

  /// Large enough that the nearest-neighbour scans of ward and single run in several chunks.
  @Test(arguments: [Hierarchical.Linkage.ward, .single])
  func sameTreeWithOneAndTwoThreads(linkage: Hierarchical.Linkage) throws {
    let data = randomPoints(rows: 3000, columns: 6, seed: 5)
    let one = try fit(Hierarchical(linkage: linkage, cut: .segments(4)), data, threads: 1)
    let two = try fit(Hierarchical(linkage: linkage, cut: .segments(4)), data, threads: 2)
    #expect(one == two)
  }

  @Test func cancellationStopsTheTree() {
    let flag = CancellationFlag()
    flag.cancel()
    var rng = SeededRandom(seed: 1)
    for linkage in Hierarchical.Linkage.allCases {
      #expect(throws: SegmentaError.interrupted) {
        try Hierarchical(linkage: linkage, cut: .segments(2)).fit(
          five, context: ExecutionContext(cancellation: flag), rng: &rng)
      }
    }
  }
}
