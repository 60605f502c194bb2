import Foundation

/// Defaults of an interactive session: where the journal goes and what a new one starts with.
public enum REPLDefaults {
  /// `FOLDER/YYYY-MM-DD-HHMM.seg` (`-2`, `-3`… if taken); the REPL uses `sessions/` under the working directory.
  public static func journalPath(in folder: String, now: Date = Date()) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd-HHmm"
    let stem = (folder as NSString).appendingPathComponent(formatter.string(from: now))
    var path = stem + ".seg"
    var n = 2
    while FileManager.default.fileExists(atPath: path) {
      path = "\(stem)-\(n).seg"
      n += 1
    }
    return path
  }

  /// The first lines of a new journal: the format version and the seed, so a replay starts where the user did.
  public static func header(seed: UInt64) -> [String] {
    ["# Segmenta session", "version 1", "set seed \(seed)"]
  }
}
