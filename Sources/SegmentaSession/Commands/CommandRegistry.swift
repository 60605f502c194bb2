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

  /// The command called `name` (`exit` is an alias of `quit`).
  public static func command(named name: String) -> CommandSpec? {
    all.first { $0.name == name } ?? (name == "exit" ? .quit : nil)
  }
}
