import Foundation
import SegmentaCore

/// segmenta-bench: Segmenta's side of the peer benchmark (`../shared/bench`), one JSON line per run with the
/// fields of `peers.py` (`workload, peer, case, rep, n, d, k, seconds, load_s, prep_s, result{…}`), so the lines
/// can be appended to the same `raw.jsonl` and ranked beside the peers.
///
///     segmenta-bench WORKLOAD --csv FILE [options]
///
/// Workloads (those of `peers.py`): load_csv, kmeans, kmeans_fixedinit, minibatch_kmeans, silhouette,
/// calinski_harabasz, davies_bouldin, ward, dbscan, hdbscan, gmm, kprototypes.
/// Options: [--algorithm lloyd|elkan|hamerly] [--n-init N] [--k 6] [--max-iter 20] [--batch-size 1024]
///   [--seed 0] [--threads N] [--n ROWS] [--sample N] [--min-samples M] [--eps E] [--eps-rule knee_log|knee_linear|p50]
///   [--min-cluster-size 50] [--case ID] [--rep R]
///
/// `seconds` is the wall time of the timed call only, after an untimed warm-up call of the same kind on the first
/// 500 rows, as in `peers.py`; loading (`load_s`) and z-scoring (`prep_s`) are reported separately.
struct Arguments {
  static let workloads = [
    "load_csv", "kmeans", "kmeans_fixedinit", "minibatch_kmeans", "silhouette", "calinski_harabasz",
    "davies_bouldin", "ward", "dbscan", "hdbscan", "gmm", "kprototypes",
  ]
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
  var sample = 0
  var minSamples = 0
  var eps = 0.0
  var epsRule = "knee_log"
  var minClusterSize = 50
  var caseID = ""
  var rep = 0

  init(_ words: [String]) throws {
    guard let first = words.first, Self.workloads.contains(first) else {
      throw BenchError.usage("usage: segmenta-bench \(Self.workloads.joined(separator: "|")) --csv FILE [options]")
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
      case "--sample": sample = try int(next())
      case "--min-samples": minSamples = try int(next())
      case "--eps":
        let text = try next()
        guard let value = Double(text) else { throw BenchError.usage("'\(text)' is not a number") }
        eps = value
      case "--eps-rule":
        epsRule = try next()
        guard ["knee_log", "knee_linear", "p50"].contains(epsRule) else {
          throw BenchError.usage("unknown eps rule \(epsRule)")
        }
      case "--min-cluster-size": minClusterSize = try int(next())
      case "--case": caseID = try next()
      case "--rep": rep = try int(next())
      default: throw BenchError.usage("unknown option \(words[index])")
      }
      index += 1
    }
    if csv.isEmpty { throw BenchError.usage("--csv is required") }
  }

  var peer: String {
    switch workload {
    case "kmeans", "kmeans_fixedinit": "segmenta_\(algorithm.rawValue)"
    default: "segmenta"
    }
  }
}

/// What one workload measured: the fields of `peers.py`'s line that differ between workloads.
struct Measurement {
  var seconds: Double
  var k: JSONLine = .null
  var d: Int?
  var parameters: [(String, JSONLine)] = []
  var result: [(String, JSONLine)]
  var extra: [(String, JSONLine)] = []
}

func run(_ arguments: Arguments) throws -> JSONLine {
  let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first
  let context = ExecutionContext(threads: arguments.threads)
  var n = 0
  var d = 0
  var loadSeconds: JSONLine = .null
  var prepSeconds: JSONLine = .null
  let measurement: Measurement
  if arguments.workload == "load_csv" {
    let (m, rows) = try measureLoad(arguments, context: context)
    measurement = m
    n = rows
    d = BenchData.numericColumns.count
  } else {
    let data = try BenchData(
      path: arguments.csv, limit: arguments.rows, categorical: arguments.workload == "kprototypes", context: context)
    n = data.features.rows
    d = data.features.columns
    loadSeconds = .number(data.loadSeconds)
    prepSeconds = .number(data.prepSeconds)
    measurement = try Workloads(arguments: arguments, data: data, context: context).measure()
  }
  var usage = rusage()
  #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
  #else
    getrusage(RUSAGE_SELF, &usage)
  #endif
  return .object(
    [
      ("workload", .string(arguments.workload)), ("peer", .string(arguments.peer)),
      ("case", .string(arguments.caseID)), ("rep", .int(arguments.rep)),
      ("csv", .string(String(arguments.csv.split(separator: "/").last ?? ""))),
      ("n", .int(n)), ("d", .int(measurement.d ?? d)), ("k", measurement.k),
      ("params", .object(measurement.parameters)), ("seconds", .number(measurement.seconds)),
      ("load_s", loadSeconds), ("prep_s", prepSeconds),
      ("loadavg_1m_start", load.flatMap { Double($0) }.map { .number($0) } ?? .null),
    ] + measurement.extra + [
      ("result", .object(measurement.result)), ("threads", .object([("threads", .int(arguments.threads))])),
      ("ru_maxrss_kb", .int(Int(usage.ru_maxrss))), ("status", .string("ok")),
    ])
}

/// load_csv: the CSV reader on the whole file, then the 8 numeric columns and the truth as `peers.py` extracts them;
/// their sums (the checksums) are taken after the clock stops, as `peers.py` sums its arrays after `timed()`.
func measureLoad(_ arguments: Arguments, context: ExecutionContext) throws -> (Measurement, Int) {
  var numeric: [ContiguousArray<Double>] = []
  var truth = ContiguousArray<Double>()
  var rows = 0
  let elapsed = try ContinuousClock().measure {
    let table = try CSVReader.load(path: arguments.csv, name: "bench", context: context).table
    rows = table.rowCount
    numeric = try BenchData.numericColumns.map { try table.requireColumn($0).numbers }
    truth = try table.requireColumn("true_segment").numbers
  }
  var checksum = 0.0
  for column in numeric {
    for i in 0..<rows { checksum += column[i] }
  }
  let truthSum = truth.reduce(0) { $0 + Int($1) }
  let bytes = (try? FileManager.default.attributesOfItem(atPath: arguments.csv)[.size] as? Int) ?? 0
  let seconds = elapsed.seconds
  return (
    Measurement(
      seconds: seconds,
      result: [
        ("checksum_sum", .number(checksum)), ("truth_sum", .int(truthSum)),
        ("mb_per_s", .number(Double(bytes) / seconds / 1e6)),
      ]), rows
  )
}

AllocatorPolicy.apply()  // as the segmenta executable does, so peak RSS is the product's
do {
  print(try run(Arguments(Array(CommandLine.arguments.dropFirst()))).text)
} catch {
  FileHandle.standardError.write(Data("segmenta-bench: \(error)\n".utf8))
  exit(2)
}
