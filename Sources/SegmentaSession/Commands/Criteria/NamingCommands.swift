import SegmentaCore

extension CommandSpec {
  /// `name VARIANT SEGMENT "NAME"`
  static let name = CommandSpec(
    name: "name", usage: "name VARIANT SEGMENT \"NAME\"",
    summary: "give a segment a name; assignments and every export use it",
    example: "name km.k4 2 \"Price-driven regulars\"", arguments: [.variants, .none]
  ) { command, context throws(SessionError) in
    try command.requireArguments(3)
    var variant = try context.workspace.variant(named: command.arguments[0].text)
    let s = try segmentIndex(command.arguments[1], in: variant)
    let text = command.arguments[2].text
    guard !text.isEmpty else { throw .usage("the name is empty", column: command.arguments[2].column) }
    var names = variant.segmentNames ?? (0..<variant.result.k).map { String($0 + 1) }
    if let other = names.indices.first(where: { $0 != s && names[$0] == text }) {
      throw .usage(
        "segment \(variant.segmentLabel(other)) is already called '\(text)'; names must tell segments apart",
        column: command.arguments[2].column)
    }
    let old = variant.segmentLabel(s)
    names[s] = text
    variant.segmentNames = names
    context.workspace.store(variant)
    context.print("\(variant.name): segment \(old) is now '\(text)'")
  }

  /// `journey VARIANT SEGMENT PHASE "ACTION"`
  static let journey = CommandSpec(
    name: "journey", usage: "journey VARIANT SEGMENT awareness|consideration|purchase|service|loyalty \"ACTION\"",
    summary: "record what to do with a segment in one phase of the customer journey (used by exports)",
    example: "journey km.k4 2 loyalty \"quarterly account review\"",
    arguments: [.variants, .none, .keywords(JourneyStep.Phase.allCases.map(\.rawValue)), .none]
  ) { command, context throws(SessionError) in
    try command.requireArguments(4)
    var variant = try context.workspace.variant(named: command.arguments[0].text)
    let s = try segmentIndex(command.arguments[1], in: variant)
    let phaseWord = command.arguments[2]
    guard let phase = JourneyStep.Phase(rawValue: phaseWord.text) else {
      let phases = JourneyStep.Phase.allCases.map(\.rawValue)
      throw .usage(
        "unknown phase '\(phaseWord.text)'\(didYouMean(phaseWord.text, among: phases)); phases: "
          + phases.joined(separator: ", "), column: phaseWord.column)
    }
    let action = command.arguments[3].text
    variant.journey.removeAll { $0.segment == s && $0.phase == phase }
    if !action.isEmpty { variant.journey.append(JourneyStep(segment: s, phase: phase, action: action)) }
    variant.journey.sort { ($0.segment, phaseOrder($0.phase)) < ($1.segment, phaseOrder($1.phase)) }
    context.workspace.store(variant)
    context.print(
      "\(variant.name) segment \(variant.segmentLabel(s)), \(phase.rawValue): "
        + (action.isEmpty ? "cleared" : action))
  }

  private static func phaseOrder(_ phase: JourneyStep.Phase) -> Int {
    JourneyStep.Phase.allCases.firstIndex(of: phase) ?? 0
  }

  /// A segment given by its 1-based number or its current name.
  static func segmentIndex(_ word: Token, in variant: Variant) throws(SessionError) -> Int {
    let k = variant.result.k
    if let i = (0..<k).first(where: { variant.segmentLabel($0) == word.text }) { return i }
    if let n = Int(word.text), (1...max(1, k)).contains(n), n <= k { return n - 1 }
    throw .usage(
      "\(variant.name) has no segment '\(word.text)'; give a number 1…\(k) or a segment name", column: word.column)
  }
}
