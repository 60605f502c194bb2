import Foundation
import Testing

/// The handbook (`export report`) and the notebook page (`segmenta render`) written by the binary open in a real
/// browser: headless Chromium renders each to a PNG that is not blank, without console messages
/// (`render_html.py`). Required in CI; skipped on a machine without Chromium, as ``PlotRenderTests``.
@Suite struct HTMLRenderTests {
  @Test(.enabled(if: PlotRenderTests.chromiumAvailable, "needs Chromium (apt-get install -y chromium)"))
  func handbookAndNotebookRenderInHeadlessChromium() throws {
    let folder = try Segmenta.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let session = """
      version 1
      # The handbook of four segments, with a plot written next to it.
      load \(Segmenta.sample) as customers
      features order_count_12m avg_order_value_eur product_lines service_share
      missing impute median
      scale zscore
      run kmeans k=4 as km
      name km 1 "Big <&> 'small'"
      plot km scatter to scatter.svg
      export report km to handbook.html
      """
    let file = folder.appendingPathComponent("handbook.seg")
    try (session + "\n").write(to: file, atomically: true, encoding: .utf8)
    let first = try Segmenta.run(
      ["render", file.path, "-o", folder.appendingPathComponent("notebook.html").path], in: folder)
    #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
    let notebook = try String(contentsOf: folder.appendingPathComponent("notebook.html"), encoding: .utf8)
    #expect(notebook.contains("<figure>\n<svg"), "the scatter inline after its command")
    #expect(notebook.contains("<p>The handbook of four segments, with a plot written next to it.</p>"))
    let again = try Segmenta.run(
      ["render", file.path, "-o", folder.appendingPathComponent("again.html").path], in: folder)
    #expect(again.status == 0)
    #expect(try String(contentsOf: folder.appendingPathComponent("again.html"), encoding: .utf8) == notebook)
    for page in ["handbook.html", "notebook.html"] {
      let (status, report) = try Segmenta.python(
        "render_html.py",
        [folder.appendingPathComponent(page).path, folder.appendingPathComponent(page + ".png").path])
      #expect(status == 0, "\(page): \(report)")
      #expect(report.contains("1200x900 png") && report.contains("0 console messages"), "\(page): \(report)")
    }
  }
}
