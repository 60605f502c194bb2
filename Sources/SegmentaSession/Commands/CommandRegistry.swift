/// Every command, in the order `help` lists them.
public enum CommandRegistry {
  /// All commands.
  public static let all: [CommandSpec] = [
    .load, .datasets, .use, .head, .describe,
    .rfm, .abc, .xyz, .join, .derive, .filter,
    .features, .missing, .transform, .scale, .unit,
    .runVariant, .variants, .compare, .inspect, .profile, .importance, .choose, .stability, .plot,
    .kdist,
    .rules, .assign, .verify, .name, .journey,
    .export, .expect, .set, .undo, .history, .save, .version, .help, .quit,
  ]

  /// Command words.
  public static let names: [String] = all.map(\.name)

  /// The usage form in which `word` is the word after the command (`impute` → `missing impute mean|median`), for an
  /// unknown command that is really the second word of a known one; nil when no usage form starts that way.
  public static func form(withSecondWord word: String) -> String? {
    for spec in all {
      for form in spec.usage.components(separatedBy: " | ") {
        let words = form.split(separator: " ")
        if words.count >= 2, words[0] == spec.name, words[1].split(separator: "|").contains(Substring(word)) {
          return String(form)
        }
      }
    }
    return nil
  }

  /// The command called `name` (`exit` is an alias of `quit`).
  public static func command(named name: String) -> CommandSpec? {
    all.first { $0.name == name } ?? (name == "exit" ? .quit : nil)
  }
}
