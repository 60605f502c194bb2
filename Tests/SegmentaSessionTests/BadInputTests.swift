import Foundation
import Testing

@testable import SegmentaSession

/// Bad input of every kind gets a clear message naming what and where, and leaves the workspace as it was.
@Suite struct BadInputTests {
  /// Small files for the cases, written once into a temporary folder.
  static let folder: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-bad-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url.appendingPathComponent("adir"), withIntermediateDirectories: true)
    let files: [String: String] = [
      "good.csv": "id,a,b,c\nK1,1,10,x\nK2,2,20,y\nK3,3,30,x\nK4,4,45,y\n",
      "ragged.csv": "a,b\n1,2\n3\n",
      "quote.csv": "a,b\n1,\"open\n2,3\n",
      "empty.csv": "",
      "header.csv": "a,b\n",
      "dupe.csv": "a,a\n1,2\n",
      "inf.csv": "a\n1\n1e309\n",
      "allmissing.csv": "a,b\n1,\n2,\n3,\n",
      "constant.csv": "a,b\n1,5\n2,5\n3,5\n",
      "mixed_endings.csv": "a,b\r\n1,2\n3,4\r5,6\n",
      "german_thousands.csv": "kunde;umsatz\nA;1.234.567,89\nB;-0,5\nC;12,00\n",
      "wide.csv": (0..<3000).map { "c\($0)" }.joined(separator: ",") + "\n"
        + (0..<3000).map { String($0 % 7) }.joined(separator: ",") + "\n"
        + (0..<3000).map { String($0 % 5) }.joined(separator: ",") + "\n",
      "levels.csv": "a,b\n" + (0..<300).map { "\($0),L\($0)" }.joined(separator: "\n") + "\n",
    ]
    for (name, text) in files {
      try? text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    try? Data([0x61, 0x0A, 0x31, 0x00, 0x0A]).write(to: url.appendingPathComponent("nul.csv"))
    try? Data([0x61, 0x0A, 0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x0A]).write(to: url.appendingPathComponent("latin.csv"))
    return url
  }()

  static let cases: [(setup: [String], command: String, message: String)] = [
    ([], "load missing.csv", "cannot read"),
    ([], "load adir", "directory"),
    ([], "load empty.csv", "empty.csv:1:1"),
    ([], "load header.csv", "no data rows"),
    ([], "load ragged.csv", "ragged.csv:3:"),
    ([], "load quote.csv", "quote.csv:2:"),
    ([], "load dupe.csv", "dupe.csv:1:2"),
    ([], "load inf.csv", "inf.csv:3:1"),
    ([], "load nul.csv", "nul.csv:2:"),
    ([], "load latin.csv encoding=utf-8", "encoding=windows-1252"),
    ([], "load good.csv sep=x", "sep=x is invalid"),
    ([], "features a", "no dataset loaded"),
    (["load good.csv"], "features revnue", "unknown column 'revnue'"),
    (["load good.csv"], "features a bb x_c", "unknown columns 'bb' (did you mean 'b'?), 'x_c'"),
    (["load good.csv", "features a"], "features +bb -a +cc", "unknown columns 'bb' (did you mean 'b'?), 'cc'"),
    (["load good.csv"], "run kmeans k=2", "no features selected"),
    (["load good.csv", "features a b"], "run kmeans k=9", "k=9 but only 4 rows"),
    (["load good.csv", "features a b"], "run kmeans k=0", "k=0 is invalid"),
    (["load good.csv", "features a b"], "run kmeans k=8..2", "write k=2..8"),
    (["load good.csv", "features a b"], "run kmeans k=two", "k=two is invalid"),
    (["load good.csv", "features a b"], "run kmeans k=2 n_inti=3", "did you mean 'n_init'?"),
    (["load good.csv", "features a b"], "transform log10 c", "'c' is not a selected feature"),
    (["load good.csv", "features a c"], "run kmeans k=2", "use `transform onehot c`"),
    (["load good.csv", "features a b"], "inspect km", "unknown variant 'km'"),
    (["load good.csv"], "load \"good.csv", "unterminated quote"),
    (["load allmissing.csv", "features a b"], "missing impute median", "'b' has no values to impute median from"),
    (["load levels.csv", "features a b"], "transform onehot b", "at most 200 levels"),
    ([], "expect nothing.silhouette > 1", "unknown variant 'nothing'"),
    ([], "set digits 99", "expected 1…15"),
    ([], "frobnicate " + String(repeating: "x", count: 10_000), "unknown command 'frobnicate'"),
  ]

  /// What must not change when a command fails.
  static func summary(_ w: Workspace) -> String {
    let datasets = w.datasetOrder.map {
      "\($0):\(w.datasets[$0]?.table.rowCount ?? -1):\(w.datasets[$0]?.recipe.columns ?? [])"
    }
    return "\(datasets) \(w.activeDatasetName ?? "-") \(w.variants.map(\.name)) \(w.settings) \(w.log.count)"
  }

  @Test(arguments: 0..<cases.count)
  func failsClearlyAndChangesNothing(index: Int) throws {
    let c = Self.cases[index]
    let interpreter = Interpreter(baseDirectory: Self.folder.path)
    for line in c.setup { _ = interpreter.execute(line) }
    let before = Self.summary(interpreter.workspace)
    let outcome = interpreter.execute(c.command)
    let message = outcome.lines.map(\.text).joined(separator: "\n")
    #expect(outcome.error != nil, "`\(c.command)` should fail")
    #expect(message.contains(c.message), "`\(c.command)` said: \(message)")
    #expect(message.hasPrefix("error: "))
    #expect(Self.summary(interpreter.workspace) == before, "`\(c.command)` changed the workspace")
    #expect(interpreter.execute("set digits 5").error == nil, "the session carries on")
  }

  @Test func constantColumnIsScaledToZeroWithAWarning() throws {
    let interpreter = Interpreter(baseDirectory: Self.folder.path)
    for line in ["load constant.csv", "features a b"] { #expect(interpreter.execute(line).error == nil) }
    let scaled = interpreter.execute("scale zscore")
    #expect(scaled.error == nil)
    #expect(scaled.lines.contains(.diagnostic("warning: column 'b' has no spread; scaled to 0")))
    #expect(interpreter.execute("run kmeans k=2").error == nil)
  }

  @Test func reloadingADatasetDropsTheVariantsFittedOnItsOldRows() throws {
    let interpreter = Interpreter(baseDirectory: Self.folder.path)
    for line in ["load good.csv as g", "features a b", "run kmeans k=2 as km"] {
      #expect(interpreter.execute(line).error == nil)
    }
    let reload = interpreter.execute("load constant.csv as g")
    #expect(reload.error == nil)
    #expect(
      reload.lines.contains(
        .diagnostic(
          "warning: g replaced: variants km were fitted on the old rows and are gone; load under another name (`as NAME`) to keep both"
        )))
    #expect(interpreter.workspace.variants.isEmpty)
  }

  @Test func oddButValidFilesLoad() throws {
    let interpreter = Interpreter(baseDirectory: Self.folder.path)
    #expect(
      interpreter.execute("load mixed_endings.csv").lines.first
        == .output(
          "mixed_endings: 3 rows × 2 columns (2 numeric)"))
    let german = interpreter.execute("load german_thousands.csv")
    #expect(german.error == nil)
    let umsatz = interpreter.workspace.datasets["german_thousands"]?.table.column(named: "umsatz")
    #expect(umsatz?.numbers == [1_234_567.89, -0.5, 12])
    let wide = interpreter.execute("load wide.csv")
    #expect(wide.lines.first == .output("wide: 2 rows × 3,000 columns (3,000 numeric)"))
    #expect(interpreter.execute("describe c0 c2999").error == nil)
  }
}
