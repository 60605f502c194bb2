/// Building blocks of the self-contained HTML pages (`export report`, `segmenta render`): escaping, inline SVG and
/// the page shell with its inline stylesheet. No scripts, no external resources.
public enum HTMLText {
  /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, safe in element content and quoted attributes.
  /// - Complexity: O(length of `text`).
  public static func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }

  /// An SVG document (as written by ``SVGDocument``) ready to sit inside HTML: without its XML declaration,
  /// wrapped in a `<figure>`.
  public static func figure(svg document: String) -> String {
    let lines = document.split(separator: "\n", omittingEmptySubsequences: false)
    let body = lines.filter { !$0.hasPrefix("<?xml") }.joined(separator: "\n")
    return "<figure>\n" + body.trimmingSuffix("\n") + "\n</figure>"
  }

  /// A table with a header row; every cell is escaped. Columns after the first are right-aligned when `numeric`.
  public static func table(header: [String], rows: [[String]], numeric: Bool = false) -> String {
    let cellClass = numeric ? " class=\"num\"" : ""
    var out = [
      "<table>", "<thead><tr>" + header.map { "<th>\(escaped($0))</th>" }.joined() + "</tr></thead>", "<tbody>",
    ]
    for row in rows {
      let cells = row.enumerated().map { i, cell in
        i == 0 ? "<th scope=\"row\">\(escaped(cell))</th>" : "<td\(cellClass)>\(escaped(cell))</td>"
      }
      out.append("<tr>" + cells.joined() + "</tr>")
    }
    out += ["</tbody>", "</table>"]
    return out.joined(separator: "\n")
  }

  /// A complete HTML5 page with an inline stylesheet.
  /// - Parameters:
  ///   - title: the page title (escaped here).
  ///   - language: the `lang` attribute, e.g. `en`.
  ///   - body: the body's markup, already escaped.
  public static func page(title: String, language: String, body: [String]) -> String {
    let head = [
      "<!DOCTYPE html>", "<html lang=\"\(escaped(language))\">", "<head>", "<meta charset=\"utf-8\">",
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
      "<title>\(escaped(title))</title>", "<style>", stylesheet, "</style>", "</head>", "<body>", "<main>",
    ]
    return (head + body + ["</main>", "</body>", "</html>"]).joined(separator: "\n") + "\n"
  }

  /// The shared look: readable prose width, tables, code and output blocks, figures that shrink to fit.
  static let stylesheet = """
    body { margin: 0; background: #fff; color: #1a1a1a; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
    main { max-width: 1000px; margin: 0 auto; padding: 24px 32px 64px; }
    h1 { font-size: 1.9em; margin: 0.4em 0; border-bottom: 3px solid #0072B2; padding-bottom: 0.2em; }
    h2 { font-size: 1.4em; margin-top: 1.8em; border-bottom: 1px solid #ccc; }
    h3 { font-size: 1.1em; margin-top: 1.2em; }
    table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
    th, td { border-bottom: 1px solid #ddd; padding: 4px 10px; text-align: left; vertical-align: top; }
    thead th { background: #f0f4f8; border-bottom: 2px solid #aab; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.88em; }
    pre { background: #f6f8fa; border: 1px solid #e1e4e8; border-radius: 4px; padding: 8px 12px; overflow-x: auto; }
    pre.command { background: #eef4fb; border-left: 4px solid #0072B2; }
    pre.output { background: #fff; }
    .diagnostic { color: #b00020; font-weight: 600; }
    .volatile { color: #999; }
    figure { margin: 1em 0; }
    figure svg { max-width: 100%; height: auto; border: 1px solid #eee; }
    dl { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    """
}

extension String {
  /// The string without one trailing `suffix`, if it ends with it.
  fileprivate func trimmingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
  }
}
