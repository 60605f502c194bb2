import Foundation
import Testing

/// A plot written by the binary renders in a real browser: headless Chromium turns the SVG into a PNG that is not
/// blank (`render_svg.py`). Chromium is required in CI (`.ci/run` installs the Debian package `chromium`); on a
/// machine without it the test does not run.
@Suite struct PlotRenderTests {
  static let chromiumAvailable =
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    || ProcessInfo.processInfo.environment["CI"] == "true"

  @Test(.enabled(if: chromiumAvailable, "needs Chromium (apt-get install -y chromium)"))
  func scatterSVGRendersInHeadlessChromiumAndIsNotBlank() throws {
    let folder = try Segmenta.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let session = """
      version 1
      load \(Segmenta.sample) as customers
      features order_count_12m avg_order_value_eur product_lines service_share
      missing impute median
      scale zscore
      run kmeans k=4 as km
      plot km scatter to scatter.svg
      """
    let file = folder.appendingPathComponent("plot.seg")
    try (session + "\n").write(to: file, atomically: true, encoding: .utf8)
    let run = try Segmenta.run(["run", file.path], in: folder)
    let svg = folder.appendingPathComponent("scatter.svg")
    try #require(FileManager.default.fileExists(atPath: svg.path), "\(run.stdout)\(run.stderr)")
    let (status, report) = try Segmenta.python(
      "render_svg.py", [svg.path, folder.appendingPathComponent("scatter.png").path])
    #expect(status == 0, "\(report)")
    #expect(report.contains("960x540 png"), "\(report)")
  }
}
