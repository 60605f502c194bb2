/// Segment criteria as PMML 4.4 (Data Mining Group 2019) for scoring engines: a `ClusteringModel` (nearest
/// centre, squared Euclidean) whose `LocalTransformations` carry the fitted preprocessing — log functions as
/// `Apply`, winsorize bounds and scaling as `NormContinuous`, one-hot indicators as `NormDiscrete` — so the
/// centres are compared in the space they were fitted in; or a `TreeModel` (binarySplit, `lessOrEqual` /
/// `greaterThan`, `SimpleSetPredicate isIn` for categories) on the inputs in original units. A declared unit is
/// an `Extension name="unit"` of its `DataField` (PMML has no unit attribute). Imputation values become `missingValueReplacement`; other
/// missing inputs and unseen categories give no segment (`returnInvalid`, `returnNullPrediction`).
///
/// PMML 4.4 has no Gaussian mixture model and no density rule with noise, so a variant's own rule of that kind is
/// refused rather than approximated; its surrogate tree is exported instead.
public enum CriteriaPMML {
  /// The PMML document.
  /// - Throws: ``SegmentaError/notReady(_:)`` for a mixture's or density variant's own rule (no PMML model type
  ///   scores it exactly).
  /// - Complexity: O(size of the recipe and rule).
  public static func document(_ criteria: SegmentCriteria, modelName: String) throws(SegmentaError) -> String {
    let recipe = criteria.recipe
    var out = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<PMML xmlns=\"http://www.dmg.org/PMML-4_4\" version=\"4.4\">",
      "  <Header description=\"\(escape("segments of \(modelName)"))\"><Application name=\"Segmenta\"/></Header>",
    ]
    var levelsOf: [String: [String]] = [:]
    for case .oneHot(let column, let levels) in recipe.operations { levelsOf[column] = levels }
    if case .tree(let tree) = criteria.rule {
      for (name, levels) in zip(tree.features, tree.levels) { if let levels { levelsOf[name] = levels } }
    }
    let fields = recipe.inputs.filter { input in
      if case .tree(let tree) = criteria.rule { return tree.usedFeatures.contains { tree.features[$0] == input.name } }
      return true
    }
    out.append("  <DataDictionary numberOfFields=\"\(fields.count + 1)\">")
    for input in fields {
      let unit = criteria.units[input.name].map { "      <Extension name=\"unit\" value=\"\(escape($0))\"/>" }
      let attributes =
        input.isNumeric ? "optype=\"continuous\" dataType=\"double\"" : "optype=\"categorical\" dataType=\"string\""
      let children =
        [unit].compactMap { $0 }
        + (input.isNumeric ? [] : levelsOf[input.name] ?? []).map {
          "      <Value value=\"\(escape($0))\"/>"
        }
      if children.isEmpty {
        out.append("    <DataField name=\"\(escape(input.name))\" \(attributes)/>")
      } else {
        out.append("    <DataField name=\"\(escape(input.name))\" \(attributes)>")
        out += children
        out.append("    </DataField>")
      }
    }
    out.append("    <DataField name=\"segment\" optype=\"categorical\" dataType=\"string\">")
    for label in criteria.labels { out.append("      <Value value=\"\(escape(label))\"/>") }
    out.append("    </DataField>")
    out.append("  </DataDictionary>")
    switch criteria.rule {
    case .centroids(let nearest):
      out.append(
        "  <ClusteringModel modelName=\"\(escape(modelName))\" functionName=\"clustering\" modelClass=\"centerBased\" "
          + "numberOfClusters=\"\(nearest.centres.rows)\">")
      out += miningSchema(fields, target: false)
      out.append("    <Output>")
      out.append(
        "      <OutputField name=\"segment\" optype=\"categorical\" dataType=\"string\" feature=\"predictedDisplayValue\"/>"
      )
      out.append("    </Output>")
      let (derived, names) = transformations(recipe)
      out.append("    <LocalTransformations>")
      out += derived
      out.append("    </LocalTransformations>")
      out.append("    <ComparisonMeasure kind=\"distance\"><squaredEuclidean/></ComparisonMeasure>")
      for name in names {
        out.append("    <ClusteringField field=\"\(escape(name))\" compareFunction=\"absDiff\"/>")
      }
      for s in 0..<nearest.centres.rows {
        out.append("    <Cluster id=\"\(s + 1)\" name=\"\(escape(criteria.labels[s]))\">")
        out.append(
          "      <Array n=\"\(nearest.centres.columns)\" type=\"real\">"
            + nearest.centres.row(s).map { String($0) }.joined(separator: " ") + "</Array>")
        out.append("    </Cluster>")
      }
      out.append("  </ClusteringModel>")
    case .model(let model):
      let kind = if case .mixture = model { "a Gaussian mixture's posterior" } else { "a density rule with noise" }
      throw .notReady(
        "PMML 4.4 has no model type that scores \(kind) exactly; export the surrogate tree with `using tree` (a "
          + "TreeModel)" + (kind.hasPrefix("a Gaussian") ? ", or use the SQL or JSON export" : ""))
    case .tree(let tree):
      out.append(
        "  <TreeModel modelName=\"\(escape(modelName))\" functionName=\"classification\" splitCharacteristic=\"binarySplit\" "
          + "missingValueStrategy=\"none\" noTrueChildStrategy=\"returnNullPrediction\">")
      out += miningSchema(fields, target: true)
      var id = 0
      out += node(tree.root, tree, criteria.labels, predicate: "<True/>", indent: 4, id: &id)
      out.append("  </TreeModel>")
    }
    out.append("</PMML>")
    return out.joined(separator: "\n") + "\n"
  }

  private static func miningSchema(_ fields: [FittedRecipe.Input], target: Bool) -> [String] {
    var out = ["    <MiningSchema>"]
    for input in fields {
      var attributes = "name=\"\(escape(input.name))\" invalidValueTreatment=\"returnInvalid\""
      if let fill = input.fill {
        attributes += " missingValueReplacement=\"\(fill)\" missingValueTreatment=\"asValue\""
      } else {
        attributes += " missingValueTreatment=\"returnInvalid\""
      }
      out.append("      <MiningField \(attributes)/>")
    }
    if target { out.append("      <MiningField name=\"segment\" usageType=\"target\"/>") }
    out.append("    </MiningSchema>")
    return out
  }

  /// `DerivedField`s for the operations, in order, and the names of the final model features.
  private static func transformations(_ recipe: FittedRecipe) -> ([String], [String]) {
    var current: [(name: String, field: String)] = recipe.inputs.map { ($0.name, $0.name) }
    var out: [String] = []
    var counter = 0
    func derived(_ body: String) -> String {
      counter += 1
      out.append(
        "      <DerivedField name=\"segmenta_f\(counter)\" optype=\"continuous\" dataType=\"double\">\(body)</DerivedField>"
      )
      return "segmenta_f\(counter)"
    }
    for op in recipe.operations {
      var next: [(name: String, field: String)] = []
      for column in current {
        guard column.name == op.column else {
          next.append(column)
          continue
        }
        let x = "<FieldRef field=\"\(escape(column.field))\"/>"
        switch op {
        case .function(let f, _):
          let body =
            switch f {
            case .log1p:
              "<Apply function=\"ln\"><Apply function=\"+\"><Constant dataType=\"double\">1</Constant>\(x)</Apply></Apply>"
            case .log10: "<Apply function=\"log10\">\(x)</Apply>"
            case .sqrt: "<Apply function=\"sqrt\">\(x)</Apply>"
            }
          next.append((column.name, derived(body)))
        case .clip(_, let low, let high):
          next.append(
            (
              column.name,
              derived(
                "<NormContinuous field=\"\(escape(column.field))\" outliers=\"asExtremeValues\">"
                  + "<LinearNorm orig=\"\(low)\" norm=\"\(low)\"/><LinearNorm orig=\"\(high)\" norm=\"\(high)\"/>"
                  + "</NormContinuous>")
            ))
        case .standardize(_, let center, let spread):
          let body =
            spread > 0
            ? "<NormContinuous field=\"\(escape(column.field))\" outliers=\"asIs\">"
              + "<LinearNorm orig=\"\(center)\" norm=\"0\"/><LinearNorm orig=\"\(center + spread)\" norm=\"1\"/>"
              + "</NormContinuous>"
            : "<Apply function=\"*\"><Constant dataType=\"double\">0</Constant>\(x)</Apply>"
          next.append((column.name, derived(body)))
        case .oneHot(let name, let levels):
          for level in levels {
            next.append(
              (
                "\(name)=\(level)",
                derived("<NormDiscrete field=\"\(escape(column.field))\" value=\"\(escape(level))\"/>")
              ))
          }
        }
      }
      current = next
    }
    return (out, current.map(\.field))
  }

  private static func node(
    _ n: SurrogateTree.Node, _ tree: SurrogateTree, _ labels: [String], predicate: String, indent: Int,
    id: inout Int
  ) -> [String] {
    let pad = String(repeating: " ", count: indent)
    id += 1
    switch n {
    case .leaf(let segment, let rows):
      return [
        "\(pad)<Node id=\"\(id)\" score=\"\(escape(labels[segment]))\" recordCount=\"\(rows)\">\(predicate)</Node>"
      ]
    case .split(let f, let t, let left, let right):
      let field = escape(tree.features[f])
      var out = ["\(pad)<Node id=\"\(id)\">\(predicate)"]
      out += node(
        left, tree, labels, predicate: "<SimplePredicate field=\"\(field)\" operator=\"lessOrEqual\" value=\"\(t)\"/>",
        indent: indent + 2, id: &id)
      out += node(
        right, tree, labels, predicate: "<SimplePredicate field=\"\(field)\" operator=\"greaterThan\" value=\"\(t)\"/>",
        indent: indent + 2, id: &id)
      out.append("\(pad)</Node>")
      return out
    case .subset(let f, let subset, let left, let right):
      let others = (tree.levels[f] ?? []).filter { !subset.contains($0) }
      var out = ["\(pad)<Node id=\"\(id)\">\(predicate)"]
      out += node(left, tree, labels, predicate: isIn(tree.features[f], subset), indent: indent + 2, id: &id)
      out += node(right, tree, labels, predicate: isIn(tree.features[f], others), indent: indent + 2, id: &id)
      out.append("\(pad)</Node>")
      return out
    }
  }

  /// `<SimpleSetPredicate booleanOperator="isIn">` with the levels as a string `Array` (each quoted, `\"` and
  /// `\\` escaped as the standard's Array syntax asks).
  private static func isIn(_ field: String, _ levels: [String]) -> String {
    let values = levels.map {
      "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
    return "<SimpleSetPredicate field=\"\(escape(field))\" booleanOperator=\"isIn\"><Array n=\"\(levels.count)\" "
      + "type=\"string\">\(escape(values.joined(separator: " ")))</Array></SimpleSetPredicate>"
  }

  private static func escape(_ s: String) -> String {
    var out = ""
    for ch in s {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(ch)
      }
    }
    return out
  }
}
