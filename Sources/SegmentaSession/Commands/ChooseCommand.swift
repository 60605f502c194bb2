import SegmentaCore

extension CommandSpec {
  /// The criteria `choose k` knows, as typed after `by`.
  static let chooseCriteria = ["elbow", "silhouette", "ch", "db", "gap", "bic", "all"]

  /// `choose k for SWEEP [by CRITERION|all] [B=100] [power=1]`
  static let choose = CommandSpec(
    name: "choose", usage: "choose k for SWEEP [by elbow|silhouette|ch|db|gap|bic|all] [B=100] [power=1]",
    summary:
      "the k of a sweep side by side (elbow, silhouette, CH, DB, BIC; gap with `by gap|all`) and a recommendation",
    example: "choose k for km by all B=20", optionKeys: ["B", "power"],
    arguments: [.keywords(["k"]), .keywords(["for"]), .variants, .keywords(["by"]), .keywords(chooseCriteria)]
  ) { command, context throws(SessionError) in
    let words = command.arguments.map(\.text)
    guard words.count >= 3, words[0] == "k", words[1] == "for",
      words.count == 3 || (words.count == 5 && words[3] == "by")
    else { throw .usage("expected `choose k for SWEEP [by CRITERION]`, e.g. `choose k for km by all`", column: nil) }
    let criterion = words.count == 5 ? words[4] : nil
    if let criterion, !chooseCriteria.contains(criterion) {
      throw .usage(
        "unknown criterion '\(criterion)'\(didYouMean(criterion, among: chooseCriteria)); choose one of "
          + chooseCriteria.joined(separator: ", "), column: command.arguments[4].column)
    }
    let names = try expandVariantNames([words[2]], in: context.workspace)
    var sweep: [Variant] = []
    for name in names { sweep.append(try context.workspace.variant(named: name)) }
    sweep.sort { $0.result.k < $1.result.k }
    guard sweep.count >= 2, Set(sweep.map(\.result.k)).count == sweep.count,
      Set(sweep.map(\.features.rowIndices)).count == 1
    else {
      throw .usage(
        "'\(words[2])' is not a sweep: choose k needs variants with different k on the same rows, e.g. "
          + "`run kmeans k=2..8 as km` then `choose k for km`", column: command.arguments[2].column)
    }
    let references = try command.int("B", default: 100, in: 2...10_000) ?? 100
    let power = try command.double("power", default: 1, expected: "a power > 0, e.g. 1 or 2") { $0 > 0 } ?? 1
    let wantsGap = criterion == "gap" || criterion == "all"
    let gap = wantsGap ? try gapStatistic(sweep, references: references, power: power, &context) : nil
    var candidates: [KChoice.Candidate] = []
    for v in sweep {
      let m = try context.metrics(of: v.name)
      candidates.append(
        KChoice.Candidate(
          k: v.result.k, withinSS: m.withinSS, silhouette: m.silhouette, calinskiHarabasz: m.calinskiHarabasz,
          daviesBouldin: m.daviesBouldin, bic: v.result.criteria.first { $0.name == "bic" }?.value))
    }
    let choice = KChoice(filterCandidates(candidates, criterion), gap: gap)
    printChoice(sweep, candidates: candidates, choice: choice, gap: gap, &context)
  }

  /// Keeps only the criterion asked for (`by silhouette` etc.; none of these for `by gap`); all of them otherwise.
  private static func filterCandidates(_ candidates: [KChoice.Candidate], _ criterion: String?)
    -> [KChoice.Candidate]
  {
    guard let criterion, criterion != "all" else { return candidates }
    return candidates.map { c in
      KChoice.Candidate(
        k: c.k, withinSS: criterion == "elbow" ? c.withinSS : nil,
        silhouette: criterion == "silhouette" ? c.silhouette : nil,
        calinskiHarabasz: criterion == "ch" ? c.calinskiHarabasz : nil,
        daviesBouldin: criterion == "db" ? c.daviesBouldin : nil, bic: criterion == "bic" ? c.bic : nil)
    }
  }
}
