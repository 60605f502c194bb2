import Foundation
import Testing

@testable import SegmentaCore

/// The surrogate tree against scikit-learn's CART, the fitted recipe against the fit it came from, and the
/// nearest-centre rule and fidelity on small cases.
@Suite struct CriteriaTests {
  struct TreeReference: Decodable {
    struct Case: Decodable {
      let depth: Int
      let min_leaf: Int
      let predicted: [Int]
    }
    let values: [Double]
    let columns: Int
    let labels: [Int32]
    let cases: [Case]
  }

  static let reference: TreeReference? = {
    guard
      let url = Bundle.module.url(
        forResource: "surrogate_tree", withExtension: "json", subdirectory: "Fixtures/reference"),
      let data = try? Data(contentsOf: url)
    else { return nil }
    return try? JSONDecoder().decode(TreeReference.self, from: data)
  }()

  /// Iris, species as labels: the tree predicts what scikit-learn 1.9.1's DecisionTreeClassifier predicts for
  /// every row (its tie-breaking between equally good features is random, so the structure may differ; the
  /// predictions must not): all 150 rows agree in every case.
  @Test func treePredictionsAgreeWithScikitLearn() throws {
    let reference = try #require(Self.reference, "Fixtures/reference/surrogate_tree.json is missing")
    let n = reference.labels.count
    let columns = (0..<reference.columns).map { j in
      Column(name: "x\(j)", numbers: ContiguousArray((0..<n).map { reference.values[$0 * reference.columns + j] }))
    }
    for c in reference.cases {
      let tree = SurrogateTree.fit(
        columns: columns, labels: reference.labels, k: 3, maxDepth: c.depth, minLeaf: c.min_leaf)
      let predicted = (0..<n).map { i in tree.predict(columns.map { SurrogateTree.Value($0, row: i) }) }
      let differing = zip(predicted, c.predicted).filter { $0 != $1 }.count
      #expect(differing == 0, "depth \(c.depth) min_leaf \(c.min_leaf): \(differing) rows differ")
      #expect(tree.rules.allSatisfy { $0.rows >= c.min_leaf })
    }
  }

  @Test func thresholdsAreMidpointsAndLeftIsLessOrEqual() {
    let x = Column(name: "x", numbers: [1, 2, 3, 10, 11, 12])
    let tree = SurrogateTree.fit(columns: [x], labels: [0, 0, 0, 1, 1, 1] as [Int32], k: 2, maxDepth: 3, minLeaf: 1)
    #expect(
      tree.root
        == .split(feature: 0, threshold: 6.5, left: .leaf(segment: 0, rows: 3), right: .leaf(segment: 1, rows: 3)))
    #expect(tree.predict([.number(6.5)]) == 0)
    #expect(tree.predict([.number(Double(6.5).nextUp)]) == 1)
    #expect(tree.predict([.number(.nan)]) == nil)
    #expect(tree.outcome([.number(.nan)]) == .missing(feature: 0))
  }

  /// The fitted recipe applied to the training table gives the training matrix bit for bit.
  @Test func fittedRecipeReproducesTheFitOnTrainingRows() throws {
    let table = Table(
      name: "t",
      columns: [
        Column(name: "a", numbers: [1, 5, .nan, 20, 3, 8]),
        Column(name: "b", numbers: [0.1, 0.4, 0.2, 0.9, 0.5, 0.3]),
        Column(name: "g", strings: ["x", "y", "x", "z", "y", "x"]),
      ])
    let recipe = FeatureRecipe(
      columns: ["a", "b", "g"], missing: .imputeMedian,
      steps: [
        .transform(.log1p, columns: ["a"]), .transform(.winsorize(p: 0.1), columns: ["b"]),
        .transform(.onehot, columns: ["g"]), .scale(.zscore(ddof: 0)),
      ])
    let prepared = try recipe.apply(to: table)
    let again = try prepared.fitted.transform(table)
    #expect(again.matrix == prepared.matrix)
    #expect(again.rejected.allSatisfy { $0 == nil })
    #expect(prepared.fitted.inputs[0].fill == 5)
  }

  @Test func newRowsThatCannotBeTransformedAreRejectedWithTheReason() throws {
    let training = Table(
      name: "t",
      columns: [Column(name: "a", numbers: [1, 2, 3, 4]), Column(name: "g", strings: ["x", "y", "x", "y"])])
    let recipe = FeatureRecipe(
      columns: ["a", "g"], steps: [.transform(.log1p, columns: ["a"]), .transform(.onehot, columns: ["g"])])
    let fitted = try recipe.apply(to: training).fitted
    let new = Table(
      name: "n",
      columns: [Column(name: "a", numbers: [2, .nan, -3, 9]), Column(name: "g", strings: ["x", "x", "y", "w"])])
    let out = try fitted.transform(new)
    #expect(out.rejected[0] == nil)
    #expect(out.rejected[1] == "a missing")
    #expect(out.rejected[2]?.contains("outside the domain of log1p") == true)
    #expect(out.rejected[3] == "g = 'w' not seen in training")
    #expect(out.outsideRange[3] == ["a"])
    #expect(out.matrix.row(1).allSatisfy { $0.isNaN })
  }

  @Test func nearestCentreTiesGoToTheLowerSegmentAndFidelityCountsPerSegment() {
    let rule = NearestCentreRule(centres: FeatureMatrix(rowsOf: [[0], [2]]))
    let points = FeatureMatrix(rowsOf: [[0.5], [1], [1.5], [.nan]])
    let assigned = rule.assign(points)
    #expect(assigned == [0, 0, 1, nil])
    let fidelity = Fidelity(labels: [0, 1, 1, -1] as [Int32], predicted: assigned, k: 2)
    #expect(fidelity.rows == 3 && fidelity.agreeing == 2)
    #expect(fidelity.segments[1].recall == 0.5 && fidelity.segments[0].predicted == 2)
  }
}
