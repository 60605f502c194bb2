import Foundation
import SegmentaCore
import SegmentaSession

/// `segmenta-fuzz csv|commands [--seconds N] [--seed S]`: a seeded fuzzer for the CSV reader and the command
/// language. Each case is generated from its own seed, written to `fuzz-last-case.txt` before it runs, so a crash
/// (which ends the process) leaves the reproducing seed behind; `--case SEED` replays one case.
/// Any thrown `SegmentaError` or failed command is fine: only crashes and hangs are findings.

let arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
  guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
  return arguments[i + 1]
}
let target = arguments.first ?? ""
let seconds = Double(option("--seconds") ?? "10") ?? 10
let baseSeed = UInt64(option("--seed") ?? "1") ?? 1
let single = option("--case").flatMap(UInt64.init)
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-fuzz-\(getpid())")
try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

/// Random bytes that look like CSV often enough to reach deep into the reader.
func csvCase(_ rng: inout SeededRandom) -> [UInt8] {
  let pieces: [[UInt8]] = [
    Array("a,b,c\n".utf8), Array("x;y\r\n".utf8), Array("\"q\"\"\",".utf8), Array("1,5".utf8), Array("1.234,56".utf8),
    Array("NA".utf8), Array("31.12.2024".utf8), Array("2024-02-30".utf8), Array("-".utf8), Array("1e309".utf8),
    Array("\t".utf8), Array("|".utf8), Array("\"".utf8), Array("\n".utf8), Array("\r".utf8), [0xEF, 0xBB, 0xBF],
    [0xFC], [0x80], [0x00], [0xC3, 0xA4], Array("00123".utf8), Array(" ".utf8), Array("id".utf8), Array(",".utf8),
  ]
  var out: [UInt8] = []
  for _ in 0..<rng.nextInt(below: 120) {
    if rng.nextInt(below: 10) == 0 {
      out.append(UInt8(rng.nextInt(below: 256)))
    } else {
      out += pieces[rng.nextInt(below: pieces.count)]
    }
  }
  return out
}

/// Random command lines built from the real vocabulary plus junk.
func commandCase(_ rng: inout SeededRandom) -> [String] {
  let words =
    CommandRegistry.names + [
      "kmeans", "given", "k=3", "k=2..4", "k=8..2", "k=0", "k=-1", "k=99999", "n_init=1", "seed=5", "as", "x", "km",
      "km.k2", "a", "b", "c", "revenue", "+a", "-b", "log1p", "log10", "sqrt", "winsorize", "onehot", "p=0.4", "zscore",
      "robust", "minmax", "ddof=1", "to", "out.csv", "metrics", "assignments", "data", "drop", "impute", "mean", "\"",
      "\"quoted text\"", "==", ">=", "0.5", "size(km)", "rows(d)", "km.silhouette", "digits", "width", "threads", "1",
      "40", "\\", "=", "k=", "init=random", "max_iter=1", "tol=0", "sep=;", "decimal=,", "encoding=latin-1",
      "d.csv", "e.csv", "missing", String(repeating: "z", count: 300),
    ]
  return (0..<rng.nextInt(below: 8) + 1).map { _ in
    (0..<rng.nextInt(below: 7) + 1).map { _ in words[rng.nextInt(below: words.count)] }.joined(separator: " ")
  }
}

@MainActor func run(caseSeed: UInt64) {
  try? String(caseSeed).write(to: URL(fileURLWithPath: "fuzz-last-case.txt"), atomically: false, encoding: .utf8)
  var rng = SeededRandom(seed: caseSeed)
  switch target {
  case "csv":
    let path = folder.appendingPathComponent("case.csv").path
    try? Data(csvCase(&rng)).write(to: URL(fileURLWithPath: path))
    _ = try? CSVReader.load(path: path, name: "f", context: ExecutionContext())
  case "commands":
    try? "a,b,c\n1,2,x\n2,4,y\n3,3,x\n10,1,y\n".write(
      to: folder.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
    let interpreter = Interpreter(baseDirectory: folder.path)
    for line in ["load d.csv", "features a b"] + commandCase(&rng) { _ = interpreter.execute(line) }
  default:
    FileHandle.standardError.write(
      Data("usage: segmenta-fuzz csv|commands [--seconds N] [--seed S] [--case SEED]\n".utf8))
    exit(2)
  }
}

if let single {
  run(caseSeed: single)
  print("case \(single): no crash")
  exit(0)
}
let start = Date()
var cases: UInt64 = 0
while Date().timeIntervalSince(start) < seconds {
  run(caseSeed: baseSeed &* 1_000_003 &+ cases)
  cases += 1
}
try? FileManager.default.removeItem(at: folder)
print("\(target): \(cases) cases in \(Int(seconds)) s, no crash (seed \(baseSeed))")
