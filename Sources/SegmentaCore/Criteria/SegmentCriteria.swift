/// Everything needed to put new customers into a variant's segments: the fitted recipe and one rule (nearest
/// centre or the model's own rule in model space, or a surrogate tree on original units), with the segments'
/// display labels. Assignment, SQL, PMML, JSON and Markdown exports all read this one value.
public struct SegmentCriteria: Sendable, Equatable {
  /// How rows are put into segments.
  public enum Rule: Sendable, Equatable {
    /// Nearest centre after the recipe's transforms and scaling.
    case centroids(NearestCentreRule)
    /// A surrogate tree on the recipe's inputs in original units (after imputation) and categories.
    case tree(SurrogateTree)
    /// The model's own rule after the recipe's transforms and scaling (mixture posterior, density with noise).
    case model(ModelRule)
  }

  /// The fitted recipe (derivations, imputation, transforms, scaling).
  public let recipe: FittedRecipe
  /// The rule.
  public let rule: Rule
  /// Display label per segment (its name, or its 1-based number).
  public let labels: [String]
  /// The declared unit of input columns (`unit`), by column name: metadata for readers, never used in arithmetic.
  public let units: [String: String]
  /// The tree class standing for noise (density variants' trees learn noise as a class labelled `noise`): rows
  /// the tree puts there are reported as noise, not assigned. `nil` when the tree has no noise class.
  public var noiseClass: Int?

  public init(recipe: FittedRecipe, rule: Rule, labels: [String], units: [String: String] = [:]) {
    self.recipe = recipe
    self.rule = rule
    self.labels = labels
    self.units = units
  }

  /// Segments of new rows, with the reason for every row that cannot be assigned.
  public struct Assignment: Sendable, Equatable {
    /// Segment index per row (`nil` = not assigned).
    public let segments: [Int?]
    /// Why a row was not assigned (`nil` when it was).
    public let reasons: [String?]
    /// Numeric inputs outside the training range, per row (assigned by extrapolation; reported).
    public let outsideRange: [[String]]
    /// The posterior probability of the assigned segment, per row, where the rule has one (mixtures).
    public var probabilities: [Double?]? = nil
  }

  /// Assigns the rows of `table` (source columns; derivations are computed).
  ///
  /// Centroids: rows the recipe rejects (missing input without imputation, value outside a transform's domain,
  /// unseen category) are not assigned. Model rules: the same, and rows the rule calls noise are not assigned
  /// either. Tree: only a missing value or an unseen category the row's path needs blocks a row (as PMML's
  /// `missingValueStrategy="none"` with `returnNullPrediction` and the SQL rules do); a row reaching a noise leaf
  /// is noise.
  /// - Throws: ``SegmentaError`` for absent or mistyped columns.
  /// - Complexity: O(rows × (recipe + k × d)) for centroids, O(rows × (recipe + depth)) for a tree; model rules as
  ///   ``ModelRule/assign(_:)``.
  public func assign(_ table: Table) throws(SegmentaError) -> Assignment {
    let prepared = try recipe.transform(table)
    switch rule {
    case .centroids(let nearest):
      let segments = nearest.assign(prepared.matrix)
      let reasons = zip(segments, prepared.rejected).map { s, r in s == nil ? (r ?? "a feature is missing") : nil }
      return Assignment(segments: segments, reasons: reasons, outsideRange: prepared.outsideRange)
    case .model(let model):
      let outcomes = model.assign(prepared.matrix)
      var segments = [Int?](repeating: nil, count: outcomes.count)
      var reasons = [String?](repeating: nil, count: outcomes.count)
      var probabilities = [Double?](repeating: nil, count: outcomes.count)
      for (i, outcome) in outcomes.enumerated() {
        switch outcome {
        case .segment(let s, let probability): (segments[i], probabilities[i]) = (s, probability)
        case .noise: reasons[i] = model.noiseReason
        case .missing: reasons[i] = prepared.rejected[i] ?? "a feature is missing"
        }
      }
      var assignment = Assignment(segments: segments, reasons: reasons, outsideRange: prepared.outsideRange)
      if case .mixture = model { assignment.probabilities = probabilities }
      return assignment
    case .tree(let tree):
      let columns = try tree.features.map { name throws(SegmentaError) -> Column in
        guard let c = prepared.raw.first(where: { $0.name == name }) else {
          throw .unknownColumn(name, suggestion: nil)
        }
        return c
      }
      let n = table.rowCount
      var segments = [Int?](repeating: nil, count: n)
      var reasons = [String?](repeating: nil, count: n)
      for i in 0..<n {
        switch tree.outcome(columns.map { SurrogateTree.Value($0, row: i) }) {
        case .segment(let s) where s == noiseClass: reasons[i] = "noise: the rules' noise leaf"
        case .segment(let s): segments[i] = s
        case .missing(let f): reasons[i] = "\(tree.features[f]) missing"
        case .unseen(let f, let level): reasons[i] = "\(tree.features[f]) = '\(level)' not seen in training"
        }
      }
      return Assignment(segments: segments, reasons: reasons, outsideRange: prepared.outsideRange)
    }
  }
}
