/// The command reference in Markdown, generated from the command model (docs/COMMANDS.md is this text).
public enum CommandReference {
  /// Markdown listing every command with its usage, summary and example.
  public static func markdown() -> String {
    var out = [
      "# Segmenta command reference", "",
      "Generated from the command model by `segmenta --reference`; do not edit by hand.", "",
      "One command per line: `verb [subject…] [key=value…] [as NAME]`. Quoted strings with `\"…\"`; ranges `2..8`;",
      "a line ending in `\\` continues on the next. `help VERB` in the REPL shows the same text.", "",
    ]
    for spec in CommandRegistry.all {
      out += [
        "## \(spec.name)", "", spec.summary + ".", "", "```", spec.usage, "```", "", "Example: `\(spec.example)`",
      ]
      if !spec.optionKeys.isEmpty {
        out += ["", "Options: " + spec.optionKeys.map { "`\($0)=`" }.joined(separator: ", ")]
      }
      if !spec.journaled { out += ["", "Not recorded in the session journal."] }
      out.append("")
    }
    return out.joined(separator: "\n")
  }
}
