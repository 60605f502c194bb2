import Foundation

/// Relative paths between folders, so session files name their inputs relative to themselves and stay valid when
/// the project is cloned elsewhere.
enum RelativePath {
  /// The path of `target` (absolute) as seen from `folder` (absolute), e.g. `../datasets/x.csv`.
  static func from(_ folder: String, to target: String) -> String {
    let base = components((folder as NSString).standardizingPath)
    let goal = components((target as NSString).standardizingPath)
    var common = 0
    while common < base.count, common < goal.count, base[common] == goal[common] { common += 1 }
    let ups = Array(repeating: "..", count: base.count - common)
    let rest = Array(goal[common...])
    let joined = (ups + rest).joined(separator: "/")
    return joined.isEmpty ? "." : joined
  }

  private static func components(_ path: String) -> [String] {
    path.split(separator: "/").map(String.init)
  }
}
