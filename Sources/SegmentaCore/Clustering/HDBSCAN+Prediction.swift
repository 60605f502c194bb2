/// What ``HDBSCANRule`` needs from the condensed tree to place new rows (the `hdbscan` package's prediction data).
extension HDBSCAN.CondensedTree {
  /// Per row: the λ at which it leaves its cluster, and the λ at which its selected cluster was born (0 for noise
  /// rows, which have none).
  ///
  /// - Complexity: O(entries).
  func rowLambdas(selected: [Bool]) -> (exit: ContiguousArray<Double>, birth: ContiguousArray<Double>) {
    // Entries are in breadth-first order, so a cluster's own entry comes before its children's.
    var selectedBirth = [Double](repeating: 0, count: clusterCount)
    var exit = ContiguousArray<Double>(repeating: 0, count: rows)
    var birth = ContiguousArray<Double>(repeating: 0, count: rows)
    for entry in child.indices {
      let parentCluster = parent[entry] - rows
      if child[entry] >= rows {
        let cluster = child[entry] - rows
        selectedBirth[cluster] = selected[cluster] ? lambda[entry] : selectedBirth[parentCluster]
      } else {
        exit[child[entry]] = lambda[entry]
        birth[child[entry]] = selectedBirth[parentCluster]
      }
    }
    return (exit, birth)
  }
}
