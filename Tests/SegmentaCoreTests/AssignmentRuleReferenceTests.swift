import Testing

@testable import SegmentaCore

/// The model rules for new rows against their references: a Gaussian mixture's maximum posterior against
/// scikit-learn's `predict`/`predict_proba`, the DBSCAN rule against a brute-force nearest-core-point check, the
/// HDBSCAN rule against the hdbscan package's `approximate_predict`.
@Suite struct AssignmentRuleReferenceTests {
  @Test(arguments: GaussianMixture.CovarianceType.allCases)
  func mixtureRuleAgreesWithScikitLearnPredict(type: GaussianMixture.CovarianceType) throws {
    let fixture = try ReferenceFixtures.assignment.mixture
    let reference = try #require(fixture.cases[type.rawValue])
    let k = reference.weights.count
    let rule = try #require(
      MixtureRule(
        covarianceType: type, weights: reference.weights,
        means: ReferenceFixtures.matrix(reference.means, columns: fixture.columns),
        covariances: ContiguousArray(reference.covariances)))
    let new = ReferenceFixtures.matrix(fixture.new, columns: fixture.columns)
    for i in 0..<new.rows {
      let chosen = try #require(rule.segment(ofRow: i, in: new))
      #expect(chosen.segment == reference.labels[i], "row \(i)")
      let probability = reference.probabilities[i * k + reference.labels[i]]
      #expect(abs(chosen.probability - probability) <= 1e-9, "row \(i): \(chosen.probability) vs \(probability)")
    }
  }

  /// The fit's labels (its own E-step) and its rule for new rows agree on the training rows.
  @Test(arguments: GaussianMixture.CovarianceType.allCases)
  func mixtureRuleReproducesTheFitsLabels(type: GaussianMixture.CovarianceType) throws {
    let fixture = try ReferenceFixtures.assignment.mixture
    let data = ReferenceFixtures.matrix(fixture.data, columns: fixture.columns)
    var rng = SeededRandom(seed: 3)
    let result = try GaussianMixture(k: 3, covarianceType: type).fit(data, context: .init(), rng: &rng)
    guard case .mixture(let rule) = result.modelRule else {
      Issue.record("a mixture fit carries a mixture rule")
      return
    }
    let memberships = try #require(result.memberships)
    for i in 0..<data.rows {
      let chosen = try #require(rule.segment(ofRow: i, in: data))
      #expect(chosen.segment == Int(result.labels[i]), "row \(i)")
      #expect(abs(chosen.probability - memberships[i, chosen.segment]) <= 1e-9, "row \(i)")
    }
  }

  @Test func canonicalNumberingCarriesTheMixtureRuleAlong() throws {
    let fixture = try ReferenceFixtures.assignment.mixture
    let data = ReferenceFixtures.matrix(fixture.data, columns: fixture.columns)
    var rng = SeededRandom(seed: 11)
    let result = try GaussianMixture(k: 3).fit(data, context: .init(), rng: &rng).canonicalized()
    let outcomes = try #require(result.modelRule).assign(data)
    #expect(outcomes.map(\.referenceLabel) == result.labels.map { Int($0) })
  }

  @Test(arguments: [1, 2])
  func dbscanRuleJoinsTheNearestCorePointWithinEps(threads: Int) throws {
    let fixture = try ReferenceFixtures.assignment.dbscan
    let data = ReferenceFixtures.matrix(fixture.data, columns: fixture.columns)
    var rng = SeededRandom(seed: 1)
    let result = try DBSCAN(eps: fixture.eps, minPoints: fixture.minPoints).fit(
      data, context: ExecutionContext(threads: threads), rng: &rng)
    #expect(Array(result.labels) == fixture.labels)
    guard case .dbscan(let rule) = result.modelRule else {
      Issue.record("a DBSCAN fit carries a DBSCAN rule")
      return
    }
    #expect(rule.corePoints == data.selectingRows(fixture.core))
    let outcomes = rule.assign(ReferenceFixtures.matrix(fixture.new, columns: fixture.columns))
    #expect(outcomes.map(\.referenceLabel) == fixture.expected)
    #expect(fixture.expected.contains(-1) && fixture.expected.contains { $0 >= 0 })
  }

  @Test func hdbscanRuleAgreesWithApproximatePredict() throws {
    let fixture = try ReferenceFixtures.assignment.hdbscan
    let rule = HDBSCANRule(
      minSamples: fixture.minSamples, points: ReferenceFixtures.matrix(fixture.data, columns: fixture.columns),
      labels: ContiguousArray(fixture.labels), coreDistances: ContiguousArray(fixture.coreDistances),
      exitLambdas: ContiguousArray(fixture.exitLambdas), birthLambdas: ContiguousArray(fixture.birthLambdas))
    let outcomes = rule.assign(ReferenceFixtures.matrix(fixture.new, columns: fixture.columns))
    let differing = zip(outcomes.map(\.referenceLabel), fixture.expected).enumerated().filter { $1.0 != $1.1 }
    #expect(differing.isEmpty, "\(differing.count) rows differ, first \(differing.first.map { "\($0)" } ?? "")")
  }

  /// The fit hands the rule the core distances `approximate_predict` uses (the min_samples-th nearest row, the row
  /// itself counted), and per row λ values that place it in its own segment.
  @Test func hdbscanFitCarriesThePredictionCoreDistances() throws {
    let fixture = try ReferenceFixtures.assignment.hdbscan
    let data = ReferenceFixtures.matrix(fixture.data, columns: fixture.columns)
    var rng = SeededRandom(seed: 1)
    let result = try HDBSCAN(minSize: fixture.minSize, minSamples: fixture.minSamples).fit(
      data, context: .init(), rng: &rng)
    guard case .hdbscan(let rule) = result.modelRule else {
      Issue.record("an HDBSCAN fit carries an HDBSCAN rule")
      return
    }
    for (ours, theirs) in zip(rule.coreDistances, fixture.coreDistances) {
      #expect(abs(ours - theirs) <= 1e-12 * max(1, theirs))
    }
    #expect(rule.labels == result.labels)
    for row in 0..<data.rows where result.labels[row] >= 0 {
      #expect(rule.birthLambdas[row] <= rule.exitLambdas[row], "row \(row) leaves its segment before it is born")
    }
  }
}
