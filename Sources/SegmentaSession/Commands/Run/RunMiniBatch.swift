import SegmentaCore

extension RunMethod {
  /// `run minibatch k=… [init=] [n_init=] [batch=] [max_iter=]`: scikit-learn's MiniBatchKMeans defaults.
  static let minibatch = RunMethod(
    name: "minibatch",
    usage: "k=N|A..B [init=k-means++|random] [n_init=auto] [batch=1024] [max_iter=100]",
    optionKeys: ["k", "init", "n_init", "batch", "max_iter"]
  ) { command, _ throws(SessionError) in
    let initName = try command.choice("init", ["k-means++", "random"], default: "k-means++") ?? "k-means++"
    let nInit = command.value("n_init")?.value == "auto" ? nil : try command.int("n_init", in: 1...1000)
    let batch = try command.int("batch", default: 1024, in: 1...10_000_000) ?? 1024
    let maxIter = try command.int("max_iter", default: 100, in: 1...100_000) ?? 100
    return try sweep(command) { k in
      MiniBatchKMeans(
        k: k, initialization: initName == "random" ? .random : .kMeansPlusPlus, nInit: nInit, batchSize: batch,
        maxIterations: maxIter)
    }
  }
}
