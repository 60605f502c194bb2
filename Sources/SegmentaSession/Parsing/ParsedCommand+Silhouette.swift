import SegmentaCore

extension ParsedCommand {
  /// How `compare` and `inspect` score silhouettes: `sample=N` (a stratified sample of about N rows),
  /// `silhouette=exact` (every row, O(n²)) or `silhouette=auto` (the default, ``SilhouettePolicy/automatic``:
  /// exact up to 20,000 rows, sampled above).
  /// - Throws: ``SessionError/usage(_:column:)`` for an invalid value or when both options are given.
  func silhouettePolicy() throws(SessionError) -> SilhouettePolicy {
    let sample = try int("sample", in: 4...100_000_000)
    let mode = try choice("silhouette", ["auto", "exact"])
    guard let sample else { return mode == "exact" ? .exact : .automatic }
    if let option = value("silhouette") {
      throw .usage(
        "sample=\(sample) and silhouette=\(option.value) contradict each other: give one of them",
        column: option.column)
    }
    return .sample(sample)
  }
}
