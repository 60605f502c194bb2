import SegmentaCore

/// One kind of plot reachable as `plot SUBJECT KIND …`: declared once, so usage, option keys, completion and the
/// reference derive from it. Adding a plot (scatter, profile, sizes, silhouette, elbow) is one file with one
/// `PlotKind` plus its line in ``PlotKind/all``.
struct PlotKind: Sendable {
  /// Where a plot goes.
  enum Target: Sendable, Equatable {
    /// Lines printed in the session, fitting `set width`.
    case terminal
    /// An SVG document written to a file.
    case svg
  }

  /// What a kind produced for its target.
  enum Drawing: Sendable {
    /// Lines for the terminal.
    case lines([String])
    /// An SVG document and how to name it in the confirmation (`dendrogram of hc.k4`).
    case svg(String, description: String)
  }

  /// The word after the subject, e.g. `dendrogram`.
  let name: String
  /// What the subject is, e.g. `VARIANT`.
  let subject: String
  /// The synopsis after `plot SUBJECT NAME`, e.g. `[top=30]`.
  let usage: String
  /// Option keys it accepts.
  let optionKeys: [String]
  /// Draws the plot of the subject for the target.
  let draw: @Sendable (_ subject: Token, ParsedCommand, Target, inout CommandContext) throws(SessionError) -> Drawing

  /// Every kind, in the order `help plot` lists them.
  static let all: [PlotKind] = [.scatter, .profile, .sizes, .silhouette, .elbow, .dendrogram]

  /// The kind called `name`.
  static func named(_ name: String) -> PlotKind? { all.first { $0.name == name } }
}

extension CommandSpec {
  /// `plot SUBJECT KIND [options] [to FILE.svg]`
  static let plot = CommandSpec(
    name: "plot",
    usage: PlotKind.all.map { "plot \($0.subject) \($0.name) \($0.usage) [to FILE.svg]" }.joined(separator: " | "),
    summary: "draw a variant in the terminal (fitting `set width`) or to an SVG file (atomically)",
    example: "plot hc.k4 dendrogram top=20",
    optionKeys: Array(Set(PlotKind.all.flatMap(\.optionKeys))).sorted(),
    arguments: [.variants, .keywords(PlotKind.all.map(\.name)), .keywords(["to"]), .files]
  ) { command, context throws(SessionError) in
    let words = command.arguments
    guard words.count == 2 || (words.count == 4 && words[2].text == "to") else {
      throw .usage("expected `plot SUBJECT KIND [to FILE.svg]`, e.g. `plot hc.k4 dendrogram top=20`", column: nil)
    }
    guard let kind = PlotKind.named(words[1].text) else {
      let names = PlotKind.all.map(\.name)
      throw .usage(
        "unknown plot '\(words[1].text)'\(didYouMean(words[1].text, among: names)); available: "
          + names.joined(separator: ", "), column: words[1].column)
    }
    try command.checkOptions(allowed: kind.optionKeys)
    guard words.count == 4 else {
      guard case .lines(let lines) = try kind.draw(words[0], command, .terminal, &context) else {
        preconditionFailure("a terminal plot draws lines")
      }
      context.print(lines)
      return
    }
    let target = words[3].text
    guard target.lowercased().hasSuffix(".svg") else {
      throw .usage("plots are written as SVG: name the file FILE.svg", column: words[3].column)
    }
    guard case .svg(let document, let description) = try kind.draw(words[0], command, .svg, &context) else {
      preconditionFailure("an SVG plot draws a document")
    }
    let path = context.resolve(target)
    try context.core { () throws(SegmentaError) in try AtomicFile.write(document, to: path) }
    context.print("wrote \(description) to \(context.display(target))")
  }
}
