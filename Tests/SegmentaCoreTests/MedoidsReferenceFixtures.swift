import SegmentaCore

/// Reference values written by `Fixtures/reference/make_medoids_reference.py` (kmedoids 0.5.5, kmodes 0.12.2, and
/// R `cluster::daisy`'s Gower formula implemented in Python).
enum MedoidsFixtures {
  /// One `kmedoids.pam` run (BUILD + SWAP).
  struct PAMCase: Decodable {
    let k: Int
    let build: [Int]
    let medoids: [Int]
    let labels: [Int32]
    let loss: Double
    let nIter: Int
    let nSwap: Int
    enum CodingKeys: String, CodingKey {
      case k, build, medoids, labels, loss
      case nIter = "n_iter"
      case nSwap = "n_swap"
    }
  }

  struct Numeric: Decodable {
    let rows: Int
    let columns: Int
    let values: [Double]
    var matrix: FeatureMatrix {
      FeatureMatrix(
        rows: rows, columns: columns, names: (0..<columns).map { "x\($0 + 1)" }, values: ContiguousArray(values))
    }
  }

  struct PAM: Decodable {
    struct Ties: Decodable {
      let rows: Int
      let columns: Int
      let values: [Double]
      let manhattan: [PAMCase]
      var matrix: FeatureMatrix { Numeric(rows: rows, columns: columns, values: values).matrix }
    }
    let rows: Int
    let columns: Int
    let values: [Double]
    let euclidean: [PAMCase]
    let manhattan: [PAMCase]
    let ties: Ties
    var matrix: FeatureMatrix { Numeric(rows: rows, columns: columns, values: values).matrix }
  }

  struct Gower: Decodable {
    let rows: Int
    let numericNames: [String]
    let numeric: [Double?]
    let categoricalNames: [String]
    let levels: [[String]]
    let codes: [Int32]
    let unitWeights: [Double]
    let unit: [Double]
    let weights: [Double]
    let weighted: [Double]
    let pam: [PAMCase]
    enum CodingKeys: String, CodingKey {
      case rows
      case numericNames = "numeric_names"
      case numeric
      case categoricalNames = "categorical_names"
      case levels, codes
      case unitWeights = "unit_weights"
      case unit, weights, weighted, pam
    }
    var numericMatrix: FeatureMatrix {
      FeatureMatrix(
        rows: rows, columns: numericNames.count, names: numericNames,
        values: ContiguousArray(numeric.map { $0 ?? .nan }))
    }
    var categorical: CategoricalMatrix {
      CategoricalMatrix(rows: rows, names: categoricalNames, levels: levels, codes: ContiguousArray(codes))
    }
  }

  struct KPrototypes: Decodable {
    struct Best: Decodable {
      let k: Int
      let nInit: Int
      let cost: Double
      let gamma: Double
      enum CodingKeys: String, CodingKey {
        case k, cost, gamma
        case nInit = "n_init"
      }
    }
    struct Explicit: Decodable {
      let initRows: [Int]
      let gammaGiven: Double?
      let gamma: Double
      let labels: [Int32]
      let cost: Double
      let nIter: Int
      let numericCentroids: [Double]
      enum CodingKeys: String, CodingKey {
        case labels, cost, gamma
        case initRows = "init_rows"
        case gammaGiven = "gamma_given"
        case nIter = "n_iter"
        case numericCentroids = "numeric_centroids"
      }
    }
    let rows: Int
    let numeric: [Double]
    let levels: [[String]]
    let codes: [Int32]
    struct Spread: Decodable {
      let k: Int
      let nInit: Int
      let costs: [Double]
      enum CodingKeys: String, CodingKey {
        case k, costs
        case nInit = "n_init"
      }
    }
    let best: [Best]
    let spread: Spread
    let explicit: [Explicit]
    var numericMatrix: FeatureMatrix {
      FeatureMatrix(rows: rows, columns: 3, names: ["a", "b", "c"], values: ContiguousArray(numeric))
    }
    var categorical: CategoricalMatrix {
      CategoricalMatrix(rows: rows, names: ["channel", "region"], levels: levels, codes: ContiguousArray(codes))
    }
  }

  static var pam: PAM { get throws { try ReferenceFixtures.load("pam.json", as: PAM.self) } }
  static var gower: Gower { get throws { try ReferenceFixtures.load("gower.json", as: Gower.self) } }
  static var kprototypes: KPrototypes {
    get throws { try ReferenceFixtures.load("kprototypes.json", as: KPrototypes.self) }
  }
}
