/// What to do with one segment in one phase of the customer journey (`journey V S PHASE "…"`), exported with the
/// criteria so a CRM or a sales team gets the treatment next to the rule.
public struct JourneyStep: Sendable, Equatable {
  /// The phases of the B2B customer journey, in order.
  public enum Phase: String, Sendable, Equatable, CaseIterable {
    case awareness, consideration, purchase, service, loyalty
  }

  /// Segment index (0-based).
  public let segment: Int
  /// The phase.
  public let phase: Phase
  /// The treatment, as the user wrote it.
  public let action: String

  public init(segment: Int, phase: Phase, action: String) {
    self.segment = segment
    self.phase = phase
    self.action = action
  }
}
