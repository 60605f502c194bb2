import Foundation
import SegmentaCore

/// Reference values written by `Fixtures/reference/make_hierarchical.py` (SciPy 1.17.1).
enum HierarchicalFixtures {
  struct Case: Decodable {
    struct HeightCut: Decodable {
      let t: Double
      let labels: [Int32]
    }
    struct LastP: Decodable {
      let p: Int
      let ivl: [String]
    }
    /// SciPy's linkage matrix, row-major (left, right, height, size).
    let z: [Double]
    /// fcluster 'maxclust' labels by k.
    let cuts: [String: [Int32]]
    let heightCut: HeightCut
    let lastp: LastP
    let k3Silhouette: Double?
    enum CodingKeys: String, CodingKey {
      case z = "Z"
      case cuts
      case heightCut = "height_cut"
      case lastp
      case k3Silhouette = "k3_silhouette"
    }

    var merges: [ClusteringResult.Merge] {
      stride(from: 0, to: z.count, by: 4).map {
        ClusteringResult.Merge(left: Int(z[$0]), right: Int(z[$0 + 1]), height: z[$0 + 2], size: Int(z[$0 + 3]))
      }
    }
  }

  struct Iris: Decodable {
    let linkages: [String: Case]
  }

  struct Blobs: Decodable {
    let rows: Int
    let columns: Int
    let values: [Double]
    let linkages: [String: Case]
    var matrix: FeatureMatrix {
      FeatureMatrix(
        rows: rows, columns: columns, names: (1...columns).map { "x\($0)" }, values: ContiguousArray(values))
    }
  }

  struct File: Decodable {
    let iris: Iris
    let blobs: Blobs
  }

  static var file: File { get throws { try ReferenceFixtures.load("hierarchical.json", as: File.self) } }
}

/// Whether two labellings are the same partition (equal up to renaming the segments): an ARI of 1.
func samePartition(_ a: some Collection<Int32>, _ b: some Collection<Int32>) -> Bool {
  guard a.count == b.count else { return false }
  var forward: [Int32: Int32] = [:]
  var backward: [Int32: Int32] = [:]
  for (x, y) in zip(a, b) {
    if forward[x, default: y] != y || backward[y, default: x] != x { return false }
    forward[x] = y
    backward[y] = x
  }
  return true
}
