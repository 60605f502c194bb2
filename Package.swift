// swift-tools-version: 6.0
import PackageDescription

/// Segmenta: a notebook-style REPL for customer segmentation.
///
/// - `SegmentaCore`: data, features, clustering, evaluation. No terminal I/O.
/// - `SegmentaSources`: query results from SQLite (GRDB) and PostgreSQL (libpq) as tables; the only target that
///   knows databases, so the core stays free of them.
/// - `CLibPQ`: the system libpq (Debian `libpq-dev`), opened on first use, called from one Swift file.
/// - `SegmentaSession`: command language, workspace, rendering, transcripts, REPL loop.
/// - `CKernels`: the distance kernels of k-means and Ward in C, built for SSE2 and AVX2 and chosen at run time
///   (bit-identical results; see segmenta_kernels.h).
/// - `CReadline`: the only code that touches GNU readline's C globals (Swift 6 forbids that from Swift).
/// - `segmenta`: the thin executable wiring a terminal to the session layer.
let package = Package(
  name: "Segmenta",
  products: [
    .executable(name: "segmenta", targets: ["segmenta"]),
    .library(name: "SegmentaCore", targets: ["SegmentaCore"]),
    .library(name: "SegmentaSession", targets: ["SegmentaSession"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0")
  ],
  targets: [
    .target(name: "SegmentaCore", dependencies: ["CKernels"]),
    // Optimised in debug builds too (the tests run them on every fit), and never with FMA contraction, which
    // would make the AVX2 kernels round differently from the SSE2 ones.
    .target(name: "CKernels", cSettings: [.unsafeFlags(["-O2", "-ffp-contract=off"])]),
    // libpq's header at build time (Debian libpq-dev); the library itself is opened on first use (libpq_loader.c).
    .target(name: "CLibPQ", linkerSettings: [.linkedLibrary("dl")]),
    .target(
      name: "SegmentaSources",
      dependencies: [
        "SegmentaCore", "CLibPQ", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]),
    .target(name: "SegmentaSession", dependencies: ["SegmentaCore", "SegmentaSources"]),
    .target(name: "CReadline", linkerSettings: [.linkedLibrary("readline")]),
    .executableTarget(name: "segmenta", dependencies: ["SegmentaSession", "CReadline"]),
    // Seeded fuzzer for the CSV reader and the command language (scripts/fuzz.sh; not part of `swift test`).
    .executableTarget(name: "segmenta-fuzz", dependencies: ["SegmentaSession"]),
    // Opt-in peer benchmark (Benchmarks/run_compare.sh); not a product, not used by the tests.
    .executableTarget(name: "segmenta-bench", dependencies: ["SegmentaCore"], path: "Benchmarks/SegmentaBench"),
    .testTarget(
      name: "SegmentaCoreTests", dependencies: ["SegmentaCore", "CKernels"],
      resources: [.copy("Fixtures")]),
    // SQLite files made by the tests; PostgreSQL from scripts/with-postgres.sh (SEGMENTA_TEST_POSTGRES_URL).
    .testTarget(
      name: "SegmentaSourcesTests",
      dependencies: ["SegmentaSources", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(
      name: "SegmentaSessionTests",
      dependencies: ["SegmentaSession", .product(name: "GRDB", package: "GRDB.swift")], exclude: ["Golden"]),
    // pty_smoke.py drives the built binary in a pseudo-terminal (readline: completion, Ctrl-C, history);
    // render_svg.py / render_html.py render a plot / an HTML page in headless Chromium and check it is not blank.
    .testTarget(name: "EndToEndTests", dependencies: [], exclude: ["pty_smoke.py", "render_svg.py", "render_html.py"]),
  ]
)
