import SegmentaCore

/// The segment handbook (`export report V to FILE.html`): one self-contained HTML page with the overview,
/// profiles, plots, assignment criteria, journey matrix, data fingerprint and the commands that produced it.
/// Everything it prints comes from the workspace, so the same session gives the same bytes.
struct SegmentReport {
  /// The variant described.
  let variant: Variant
  /// The dataset it was fitted on.
  let dataset: Dataset
  /// Its quality indices.
  let metrics: VariantMetrics
  /// Its assignment criteria and the word for the rule (`centroids` or `rules`).
  let criteria: SegmentCriteria
  /// How a rule threshold of a tree feature (by index) is printed (unit, precision).
  let threshold: (Int, Double) -> String
  /// The SVG documents to inline, in order (sizes, profile, scatter).
  let plots: [String]
  /// The commands that built the workspace.
  let log: [SessionFile.Cell]
  /// Language of headings and rules.
  let language: RuleText.Language
  /// How numbers are printed.
  let numbers: NumberFormat

  /// The page.
  func html() -> String {
    let t = ReportWords(language)
    var body = ["<h1>\(HTMLText.escaped(t.title + variant.name))</h1>"]
    body += overview(t) + profiles(t)
    body.append("<h2>\(t.plots)</h2>")
    body += plots.map { HTMLText.figure(svg: $0) }
    body += rules(t) + journey(t) + provenance(t)
    return HTMLText.page(title: t.title + variant.name, language: language.rawValue, body: body)
  }

  private func overview(_ t: ReportWords) -> [String] {
    let format = numbers.format
    let optional: (Double?) -> String = { $0.map(format) ?? "–" }
    let facts: [(String, String)] = [
      (t.dataset, variant.datasetName), (t.rows, NumberFormat.grouped(variant.result.labels.count)),
      (t.features, variant.features.matrix.names.joined(separator: ", ")), (t.method, variant.method),
      ("k", String(variant.result.k)), (t.noise, NumberFormat.grouped(variant.noiseCount)),
      ("silhouette", optional(metrics.silhouette)), ("Calinski–Harabasz", optional(metrics.calinskiHarabasz)),
      ("Davies–Bouldin", optional(metrics.daviesBouldin)), ("Dunn", optional(metrics.dunn)),
      (t.withinSS, format(metrics.withinSS)),
    ]
    let total = max(1, variant.result.labels.count)
    let sizes = variant.sizes.enumerated().map { s, size in
      [
        "\(s + 1) · \(variant.segmentLabel(s))", NumberFormat.grouped(size),
        NumberFormat.percent(Double(size) / Double(total)),
      ]
    }
    return ["<h2>\(t.overview)</h2>", definitions(facts)]
      + [HTMLText.table(header: [t.segment, t.customers, t.share], rows: sizes, numeric: true)]
  }

  private func profiles(_ t: ReportWords) -> [String] {
    let numeric = variant.features.rawColumns.filter { $0.kind == .numeric }.map {
      SegmentProfile.numeric(name: $0.name, values: $0.numbers, labels: variant.result.labels, k: variant.result.k)
    }
    guard !numeric.isEmpty else { return [] }
    var out = ["<h2>\(t.profiles)</h2>", "<p>\(HTMLText.escaped(t.profileNote))</p>"]
    for s in 0..<variant.result.k {
      out.append("<h3>\(s + 1) · \(HTMLText.escaped(variant.segmentLabel(s)))</h3>")
      let rows = numeric.map { p in
        [
          p.name + (dataset.units[p.name].map { " (\($0))" } ?? ""), numbers.format(p.means[s]),
          numbers.format(p.overallMean),
          numbers.format(p.standardizedDifferences[s]),
        ]
      }
      out.append(
        HTMLText.table(header: [t.feature, t.segmentMean, t.overallMean, t.difference], rows: rows, numeric: true))
    }
    return out
  }

  private func rules(_ t: ReportWords) -> [String] {
    let format = numbers.format
    var out = ["<h2>\(t.criteria)</h2>", "<ul>"]
    out += CriteriaProse.rules(criteria, language: language, format: format, threshold: threshold).map {
      "<li>\(HTMLText.escaped($0))</li>"
    }
    out.append("</ul>")
    if let note = CriteriaProse.missingNote(criteria, language: language) {
      out.append("<p>\(HTMLText.escaped(note))</p>")
    }
    out += ["<h3>\(t.preprocessing)</h3>", "<ul>"]
    for step in CriteriaProse.steps(criteria, language: language, format: format) {
      let levels = step.levels.map { "<code>\(HTMLText.escaped($0))</code>" }.joined(separator: ", ")
      out.append("<li><code>\(HTMLText.escaped(step.column))</code>\(HTMLText.escaped(step.detail))\(levels)</li>")
    }
    out.append("</ul>")
    return out
  }

  private func journey(_ t: ReportWords) -> [String] {
    let phases = JourneyStep.Phase.allCases
    let rows = (0..<variant.result.k).map { s in
      [variant.segmentLabel(s)]
        + phases.map { phase in variant.journey.last { $0.segment == s && $0.phase == phase }?.action ?? "" }
    }
    return ["<h2>\(t.journey)</h2>", HTMLText.table(header: [t.segment] + phases.map(\.rawValue), rows: rows)]
  }

  private func provenance(_ t: ReportWords) -> [String] {
    let facts = [
      (t.source, dataset.source), (t.fingerprint, dataset.fingerprint),
      (
        t.shape,
        "\(NumberFormat.grouped(dataset.table.rowCount)) × \(NumberFormat.grouped(dataset.table.columns.count))"
      ),
    ]
    let commands = log.map { HTMLText.escaped($0.command) }.joined(separator: "\n")
    return [
      "<h2>\(t.data)</h2>", definitions(facts), "<h2>\(t.session)</h2>", "<pre class=\"command\">\(commands)</pre>",
    ]
  }

  private func definitions(_ facts: [(String, String)]) -> String {
    "<dl>\n"
      + facts.map { "<dt>\(HTMLText.escaped($0.0))</dt><dd>\(HTMLText.escaped($0.1))</dd>" }
      .joined(separator: "\n") + "\n</dl>"
  }
}
