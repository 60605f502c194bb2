import Foundation
import SegmentaCore

/// segmenta-bench: Segmenta's side of the peer benchmark (`../shared/bench`), one JSON line per run with the
/// fields of `peers.py` (`workload, peer, case, rep, n, d, k, seconds, load_s, result{…}`), so the lines can be
/// appended to the same `raw.jsonl` and ranked by `report.py`.
///
///     segmenta-bench kmeans|kmeans_fixedinit|minibatch_kmeans --csv FILE [--algorithm lloyd|elkan|hamerly]
///       [--n-init N] [--k 6] [--max-iter 20] [--batch-size 1024] [--seed 0] [--threads N] [--n ROWS]
///       [--case ID] [--rep R]
///
/// `seconds` is the wall time of the fit only, after an untimed warm-up fit on the first 500 rows, as in
/// `peers.py`; loading (`load_s`) and z-scoring (`prep_s`) are reported separately.
struct Arguments {
  var workload = ""
  var csv = ""
  var algorithm = KMeans.Algorithm.lloyd
  var nInit = 1
  var k = 6
  var maxIter = 20
  var batchSize = 1024
  var seed: UInt64 = 0
  var threads = 2
  var rows: Int?
  var caseID = ""
  var rep = 0

  init(_ words: [String]) throws {
    guard let first = words.first, ["kmeans", "kmeans_fixedinit", "minibatch_kmeans"].contains(first) else {
      throw BenchError.usage("usage: segmenta-bench kmeans|kmeans_fixedinit|minibatch_kmeans --csv FILE [options]")
    }
    workload = first
    var index = 1
    func next() throws -> String {
      index += 1
      guard index < words.count else { throw BenchError.usage("\(words[index - 1]) needs a value") }
      return words[index]
    }
    func int(_ text: String) throws -> Int {
      guard let value = Int(text), value >= 0 else { throw BenchError.usage("'\(text)' is not a count") }
      return value
    }
    while index < words.count {
      switch words[index] {
      case "--csv": csv = try next()
      case "--algorithm":
        let name = try next()
        guard let value = KMeans.Algorithm(rawValue: name) else { throw BenchError.usage("unknown algorithm \(name)") }
        algorithm = value
      case "--n-init": nInit = try int(next())
      case "--k": k = try int(next())
      case "--max-iter": maxIter = try int(next())
      case "--batch-size": batchSize = try int(next())
      case "--seed": seed = UInt64(try int(next()))
      case "--threads": threads = try int(next())
      case "--n": rows = try int(next())
      case "--case": caseID = try next()
      case "--rep": rep = try int(next())
      default: throw BenchError.usage("unknown option \(words[index])")
      }
      index += 1
    }
    if csv.isEmpty { throw BenchError.usage("--csv is required") }
  }

  var peer: String { workload == "minibatch_kmeans" ? "segmenta" : "segmenta_\(algorithm.rawValue)" }

  /// The model `peers.py` fits for this workload, on `data` (explicit starts are its first k rows).
  func model(for data: FeatureMatrix) -> any ClusteringAlgorithm {
    switch workload {
    case "kmeans_fixedinit":
      KMeans(
        k: k, initialization: .explicit(data.selectingRows(Array(0..<k))), nInit: 1, maxIterations: maxIter,
        tolerance: 0, algorithm: algorithm)
    case "minibatch_kmeans": MiniBatchKMeans(k: k, nInit: nInit, batchSize: batchSize, maxIterations: 100)
    default: KMeans(k: k, nInit: nInit, maxIterations: 300, tolerance: 1e-4, algorithm: algorithm)
    }
  }
}

func run(_ arguments: Arguments) throws -> JSONLine {
  let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first
  let context = ExecutionContext(threads: arguments.threads)
  let data = try BenchData(path: arguments.csv, limit: arguments.rows, context: context)
  let matrix = data.features
  let warmup = matrix.selectingRows(Array(0..<min(500, matrix.rows)))
  var warmRng = SeededRandom(seed: arguments.seed)
  _ = try arguments.model(for: warmup).fit(warmup, context: context, rng: &warmRng)
  var rng = SeededRandom(seed: arguments.seed)
  let model = arguments.model(for: matrix)
  var fitted: ClusteringResult?
  let elapsed = try ContinuousClock().measure { fitted = try model.fit(matrix, context: context, rng: &rng) }
  guard let result = fitted else { throw BenchError.usage("no result") }
  let seconds = elapsed.seconds
  let iterations = result.iterations ?? 0
  var sizes = [Int](repeating: 0, count: result.k)
  for label in result.labels where label >= 0 { sizes[Int(label)] += 1 }
  var outcome: [(String, JSONLine)] = [
    ("inertia", .number(result.inertia ?? .nan)),
    (arguments.workload == "minibatch_kmeans" ? "n_steps" : "n_iter", .int(iterations)),
    ("ari", .number(try ClusterMetrics.adjustedRandIndex(data.truth, result.labels))),
  ]
  if arguments.workload == "minibatch_kmeans" {
    outcome.append(
      ("n_iter", .int((iterations * min(arguments.batchSize, matrix.rows) + matrix.rows - 1) / matrix.rows)))
  } else {
    outcome.append(("s_per_iter", .number(seconds / Double(max(1, iterations)))))
    outcome.append(("sizes", .array(sizes.map { .int($0) })))
  }
  let parameters =
    model.parameterList.map { ($0.key, JSONLine.string($0.value)) } + [("seed", .int(Int(arguments.seed)))]
  var usage = rusage()
  #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
  #else
    getrusage(RUSAGE_SELF, &usage)
  #endif
  return .object([
    ("loadavg_1m_start", load.flatMap { Double($0) }.map { .number($0) } ?? .null),
    ("workload", .string(arguments.workload)), ("peer", .string(arguments.peer)), ("case", .string(arguments.caseID)),
    ("rep", .int(arguments.rep)), ("csv", .string(String(arguments.csv.split(separator: "/").last ?? ""))),
    ("n", .int(matrix.rows)), ("d", .int(matrix.columns)), ("k", .int(arguments.k)), ("params", .object(parameters)),
    ("seconds", .number(seconds)), ("load_s", .number(data.loadSeconds)), ("prep_s", .number(data.prepSeconds)),
    ("result", .object(outcome)), ("threads", .object([("threads", .int(arguments.threads))])),
    ("ru_maxrss_kb", .int(Int(usage.ru_maxrss))), ("status", .string("ok")),
  ])
}

do {
  print(try run(Arguments(Array(CommandLine.arguments.dropFirst()))).text)
} catch {
  FileHandle.standardError.write(Data("segmenta-bench: \(error)\n".utf8))
  exit(2)
}
