import SegmentaCore

extension RunMethod {
  /// `run hierarchical k=N|A..B|height=H [linkage=ward|complete|average|single]`
  ///
  /// The fits of a k sweep share one ``Hierarchical/TreeCache``: the tree is built once and cut per k.
  static let hierarchical = RunMethod(
    name: "hierarchical",
    usage: "k=N|A..B|height=H [linkage=ward|complete|average|single]",
    optionKeys: ["k", "height", "linkage"], usesSeed: false
  ) { command, _ throws(SessionError) in
    let names = Hierarchical.Linkage.allCases.map(\.rawValue)
    let linkage = Hierarchical.Linkage(rawValue: try command.choice("linkage", names) ?? "ward") ?? .ward
    let height = try command.double("height", expected: "a height ≥ 0, e.g. height=10") { $0 >= 0 }
    switch (command.value("k"), height) {
    case (nil, nil):
      throw .usage("give k=N, a range k=A..B or height=H, e.g. run hierarchical k=2..8 linkage=ward", column: nil)
    case (let k?, _?):
      throw .usage("give either k= or height=, not both", column: k.column)
    case (nil, let height?):
      return [Fit(suffix: nil, algorithm: Hierarchical(linkage: linkage, cut: .height(height)))]
    case (_?, nil):
      let cache = Hierarchical.TreeCache()
      return try sweep(command) { k in Hierarchical(linkage: linkage, cut: .segments(k), treeCache: cache) }
    }
  }
}
