extension Workspace {
  /// Throws unless dataset `name` can get other rows: variants fitted on it keep row numbers into it, so
  /// replacing its rows would make them point at the wrong customers.
  func requireRowsReplaceable(_ name: String, by command: String) throws(SessionError) {
    let fitted = variants.filter { $0.datasetName == name }.map(\.name)
    guard let first = fitted.first else { return }
    let list = fitted.count > 1 ? "\(first) … \(fitted[fitted.count - 1]) (\(fitted.count) variants)" : first
    throw .failed(
      .notReady(
        "\(command) would replace the rows of '\(name)', but \(list) \(fitted.count > 1 ? "were" : "was") fitted on "
          + "them; write the result to a new dataset with `as NAME`"))
  }
}
