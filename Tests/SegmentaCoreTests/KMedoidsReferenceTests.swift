import Testing

@testable import SegmentaCore

/// PAM against the `kmedoids` package's `pam` (BUILD + SWAP) on the same dissimilarities: medoids, labels,
/// iterations and swaps exactly, the cost to 1e-12 (relative). Gower against daisy's formula (Python) to 1e-12.
@Suite struct KMedoidsReferenceTests {
  private func expectMatches(_ run: KMedoids.PAMResult, _ reference: MedoidsFixtures.PAMCase, _ label: String) {
    #expect(run.medoids == reference.medoids, "\(label) k=\(reference.k): medoids")
    let differing = zip(run.labels, reference.labels).enumerated().first { $0.element.0 != $0.element.1 }
    #expect(
      run.labels.count == reference.labels.count && differing == nil,
      "\(label) k=\(reference.k): first differing row \(differing?.offset ?? -1)")
    #expect(isClose(run.cost, reference.loss, tolerance: 1e-12), "\(label) k=\(reference.k): \(run.cost)")
    #expect(run.iterations == reference.nIter, "\(label) k=\(reference.k): iterations")
    #expect(run.swaps == reference.nSwap, "\(label) k=\(reference.k): swaps")
  }

  private func pam(_ metric: RowMetric, k: Int, threads: Int = 1) throws -> KMedoids.PAMResult {
    let context = ExecutionContext(threads: threads)
    let matrix = metric.matrix(of: Array(0..<metric.rows), context: context)
    return try KMedoids.pam(matrix, k: k, maxIterations: 100, context: context)
  }

  @Test(arguments: [1, 2])
  func euclideanAndManhattanMatchThePackage(threads: Int) throws {
    let fixture = try MedoidsFixtures.pam
    for reference in fixture.euclidean {
      expectMatches(try pam(.euclidean(fixture.matrix), k: reference.k, threads: threads), reference, "euclidean")
    }
    for reference in fixture.manhattan {
      expectMatches(try pam(.manhattan(fixture.matrix), k: reference.k, threads: threads), reference, "manhattan")
    }
  }

  @Test func equalDissimilaritiesBreakTiesAsThePackage() throws {
    let ties = try MedoidsFixtures.pam.ties
    for reference in ties.manhattan {
      expectMatches(try pam(.manhattan(ties.matrix), k: reference.k), reference, "integer grid")
    }
  }

  @Test func fitReturnsTheMedoidRowsAndTheCost() throws {
    let fixture = try MedoidsFixtures.pam
    let reference = try #require(fixture.euclidean.first { $0.k == 4 })
    var rng = SeededRandom(seed: 1)
    let result = try KMedoids(k: 4).fit(fixture.matrix, context: ExecutionContext(), rng: &rng)
    #expect(result.centroids == fixture.matrix.selectingRows(reference.medoids))
    #expect(result.labels == ContiguousArray(reference.labels))
    #expect(result.criteria.map(\.name) == ["cost"])
    #expect(isClose(result.criteria.first?.value ?? .nan, reference.loss, tolerance: 1e-12))
    #expect(result.inertia == nil)
    #expect(result.iterations == reference.nIter)
  }

  @Test func gowerMatchesDaisysFormula() throws {
    let fixture = try MedoidsFixtures.gower
    for (weights, expected) in [(fixture.unitWeights, fixture.unit), (fixture.weights, fixture.weighted)] {
      let data = try MixedData(numeric: fixture.numericMatrix, categorical: fixture.categorical, weights: weights)
      let matrix = GowerDissimilarity(data).matrix(context: ExecutionContext(threads: 2))
      let mismatch = firstMismatch(matrix.values, expected, tolerance: 1e-12)
      #expect(mismatch == nil, "weights \(weights): first mismatch at \(mismatch ?? -1)")
    }
  }

  @Test func pamOnGowerMatchesThePackage() throws {
    let fixture = try MedoidsFixtures.gower
    let data = try MixedData(numeric: fixture.numericMatrix, categorical: fixture.categorical)
    for reference in fixture.pam {
      expectMatches(try pam(.gower(GowerDissimilarity(data)), k: reference.k), reference, "gower")
      var rng = SeededRandom(seed: 1)
      let model = KMedoids(k: reference.k, metric: .gower, categorical: fixture.categorical)
      let result = try model.fit(fixture.numericMatrix, context: ExecutionContext(), rng: &rng)
      #expect(result.labels == ContiguousArray(reference.labels), "fit with metric=gower, k=\(reference.k)")
    }
  }
}
