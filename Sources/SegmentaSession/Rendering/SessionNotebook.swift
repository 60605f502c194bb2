import SegmentaCore

/// A session file as a notebook page (`segmenta render`): prose as paragraphs, commands as code blocks, outputs
/// as preformatted blocks (diagnostics highlighted, timings de-emphasised) and the SVG plots a command wrote
/// inline after it. One self-contained HTML file; the same session gives the same bytes.
enum SessionNotebook {
  /// The page.
  /// - Parameters:
  ///   - file: the session with the outputs to show (usually freshly replayed).
  ///   - title: the page title, e.g. the session's file name.
  ///   - plots: SVG documents by the index of the item (command) that wrote them.
  static func html(_ file: SessionFile, title: String, plots: [Int: String]) -> String {
    var body = ["<h1>\(HTMLText.escaped(title))</h1>"]
    var paragraph: [String] = []
    func closeParagraph() {
      if !paragraph.isEmpty { body.append("<p>" + paragraph.joined(separator: "\n") + "</p>") }
      paragraph = []
    }
    for (index, item) in file.items.enumerated() {
      switch item {
      case .prose(let line):
        let text = line.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("#") else {
          closeParagraph()
          continue
        }
        let words = text.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
        if words.isEmpty { closeParagraph() } else { paragraph.append(HTMLText.escaped(words)) }
      case .command(let cell):
        closeParagraph()
        body += cellBlocks(cell)
        if let svg = plots[index] { body.append(HTMLText.figure(svg: svg)) }
      }
    }
    closeParagraph()
    return HTMLText.page(title: title, language: "en", body: body)
  }

  private static func cellBlocks(_ cell: SessionFile.Cell) -> [String] {
    var blocks = [
      "<pre class=\"command\"><code>\(HTMLText.escaped(cell.sourceLines.joined(separator: "\n")))</code></pre>"
    ]
    let lines =
      cell.expected.map { line -> String in
        switch line {
        case .output(let text): HTMLText.escaped(text)
        case .diagnostic(let text): "<span class=\"diagnostic\">\(HTMLText.escaped(text))</span>"
        case .volatile(let text): "<span class=\"volatile\">\(HTMLText.escaped(text))</span>"
        }
      } + cell.volatile.map { "<span class=\"volatile\">\(HTMLText.escaped($0))</span>" }
    if !lines.isEmpty { blocks.append("<pre class=\"output\">\(lines.joined(separator: "\n"))</pre>") }
    return blocks
  }

  /// The SVG file a `plot … to FILE.svg` command names, as typed, or `nil` for any other command.
  static func plotTarget(_ cell: SessionFile.Cell) -> String? {
    guard let parsed = try? ParsedCommand.parse(cell.command), parsed.verb == "plot", parsed.arguments.count == 4,
      parsed.arguments[2].text == "to", parsed.arguments[3].text.lowercased().hasSuffix(".svg")
    else { return nil }
    return parsed.arguments[3].text
  }
}
