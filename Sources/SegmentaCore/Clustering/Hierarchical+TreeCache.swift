import Synchronization

extension Hierarchical {
  /// Lets the fits of a sweep share one tree: the first fit builds it, the others only cut it.
  ///
  /// A sweep `k=2..8` is then one O(n² × d) tree plus seven O(n) cuts instead of seven trees. The cache holds the
  /// tree of one data matrix and linkage at a time and answers only for an identical matrix (compared by value,
  /// which is immediate when the storage is shared), so a fit's result never depends on what is cached.
  public final class TreeCache: Sendable {
    private struct Entry {
      let data: FeatureMatrix
      let linkage: Linkage
      let merges: [ClusteringResult.Merge]
    }

    private let entry = Mutex<Entry?>(nil)

    public init() {}

    /// The cached merges of `data` under `linkage`, if this is the tree held.
    func merges(for data: FeatureMatrix, linkage: Linkage) -> [ClusteringResult.Merge]? {
      entry.withLock { entry in
        guard let entry, entry.linkage == linkage, entry.data == data else { return nil }
        return entry.merges
      }
    }

    /// Keeps `merges` as the tree of `data` under `linkage`, replacing any other.
    func store(_ merges: [ClusteringResult.Merge], for data: FeatureMatrix, linkage: Linkage) {
      entry.withLock { $0 = Entry(data: data, linkage: linkage, merges: merges) }
    }
  }
}
