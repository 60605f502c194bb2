import Foundation
import Testing

@testable import SegmentaCore

/// Categorical splits of the surrogate tree against an independent brute-force CART
/// (Fixtures/reference/make_mixed_tree_reference.py), which tries every partition of every categorical feature
/// in exact arithmetic: the trees must be identical node for node, thresholds and level sets included.
@Suite struct SurrogateTreeCategoricalTests {
  /// A reference node: a leaf (`segment`, `rows`) or a split (`feature` with `threshold` or `levels`).
  final class ReferenceNode: Decodable, Sendable {
    let segment: Int?
    let rows: Int?
    let feature: Int?
    let threshold: Double?
    let levels: [String]?
    let left: ReferenceNode?
    let right: ReferenceNode?
  }

  struct Reference: Decodable, Sendable {
    struct Case: Decodable, Sendable {
      let k: Int
      let labels: [Int32]
      let features: [String]
      let depth: Int
      let min_leaf: Int
      let tree: ReferenceNode
      let predicted: [Int]
    }
    let columns: [String: Value]
    let cases: [Case]

    enum Value: Decodable, Sendable {
      case numbers([Double])
      case levels([String])

      init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let numbers = try? container.decode([Double].self) {
          self = .numbers(numbers)
        } else {
          self = .levels(try container.decode([String].self))
        }
      }
    }

    func tableColumns(_ names: [String]) -> [Column] {
      names.map { name in
        switch columns[name] {
        case .numbers(let values): Column(name: name, numbers: ContiguousArray(values))
        case .levels(let levels): Column(name: name, strings: levels)
        case nil: Column(name: name, numbers: [])
        }
      }
    }
  }

  static let reference: Reference? = {
    guard
      let url = Bundle.module.url(
        forResource: "surrogate_tree_mixed", withExtension: "json", subdirectory: "Fixtures/reference"),
      let data = try? Data(contentsOf: url)
    else { return nil }
    return try? JSONDecoder().decode(Reference.self, from: data)
  }()

  /// Whether `node` is the reference node, recursively; records the first difference.
  static func matches(_ node: SurrogateTree.Node, _ expected: ReferenceNode, path: String) -> Bool {
    switch node {
    case .leaf(let segment, let rows):
      guard expected.segment == segment, expected.rows == rows else {
        Issue.record("\(path): leaf \(segment) (\(rows) rows), reference \(String(describing: expected.segment))")
        return false
      }
      return true
    case .split(let feature, let threshold, let left, let right):
      guard expected.feature == feature, expected.threshold == threshold, let l = expected.left,
        let r = expected.right
      else {
        Issue.record("\(path): split on \(feature) at \(threshold), reference \(String(describing: expected.feature))")
        return false
      }
      return matches(left, l, path: path + "L") && matches(right, r, path: path + "R")
    case .subset(let feature, let levels, let left, let right):
      guard expected.feature == feature, expected.levels == levels, let l = expected.left, let r = expected.right
      else {
        Issue.record("\(path): \(feature) IN \(levels), reference \(String(describing: expected.levels))")
        return false
      }
      return matches(left, l, path: path + "L") && matches(right, r, path: path + "R")
    }
  }

  @Test func treesEqualTheBruteForceReference() throws {
    let reference = try #require(Self.reference, "Fixtures/reference/surrogate_tree_mixed.json is missing")
    for c in reference.cases {
      let columns = reference.tableColumns(c.features)
      let n = c.labels.count
      let tree = SurrogateTree.fit(columns: columns, labels: c.labels, k: c.k, maxDepth: c.depth, minLeaf: c.min_leaf)
      #expect(Self.matches(tree.root, c.tree, path: "k\(c.k) depth \(c.depth) min_leaf \(c.min_leaf): root "))
      let predicted = (0..<n).map { i in tree.predict(columns.map { SurrogateTree.Value($0, row: i) }) }
      #expect(predicted == c.predicted.map { Optional($0) })
    }
  }

  /// The fixture's segments follow the region, so the root must split on it: the categorical search is used,
  /// not just tolerated.
  @Test func theBestSeparatorIsACategoricalRootSplit() throws {
    let reference = try #require(Self.reference)
    let c = try #require(reference.cases.first { $0.k == 3 })
    let tree = SurrogateTree.fit(
      columns: reference.tableColumns(c.features), labels: c.labels, k: 3, maxDepth: c.depth, minLeaf: c.min_leaf)
    guard case .subset(let feature, let levels, _, _) = tree.root else {
      Issue.record("the root is not a categorical split: \(tree.root)")
      return
    }
    #expect(tree.features[feature] == "region")
    #expect(levels == ["Mitte", "Nord", "Süd"])
  }

  /// Rules carry the allowed levels; a row with an unseen or missing level is not routed but reported.
  @Test func rulesListLevelsAndUnseenLevelsStopARow() {
    let x = Column(name: "x", numbers: [1, 2, 3, 4, 5, 6, 7, 8])
    let g = Column(name: "g", strings: ["a", "b", "a", "b", "c", "c", "c", "a"])
    let tree = SurrogateTree.fit(
      columns: [x, g], labels: [0, 1, 0, 1, 2, 2, 2, 0] as [Int32], k: 3, maxDepth: 2, minLeaf: 1)
    #expect(tree.levels == [nil, ["a", "b", "c"]])
    // The root separates 'a'; below, x ≤ 4.5 and g ∈ {b} tie, and the lower feature wins.
    let rules = tree.rules
    #expect(
      rules.map(\.conditions) == [
        [.init(feature: 1, levels: ["a"])],
        [.init(feature: 0, upper: 4.5), .init(feature: 1, levels: ["b", "c"])],
        [.init(feature: 0, lower: 4.5), .init(feature: 1, levels: ["b", "c"])],
      ])
    #expect(rules.map(\.segment) == [0, 1, 2])
    #expect(tree.outcome([.number(1), .level("b")]) == .segment(1))
    #expect(tree.outcome([.number(1), .level("z")]) == .unseen(feature: 1, level: "z"))
    #expect(tree.outcome([.number(1), .level(nil)]) == .missing(feature: 1))
    let sentence = RuleText.sentence(rules[2], tree: tree, labels: ["A", "B", "C"], language: .de) { String($1) }
    #expect(sentence == "WENN x > 4.5 UND g IN ('b', 'c') DANN Segment C (3 Zeilen)")
  }
}
