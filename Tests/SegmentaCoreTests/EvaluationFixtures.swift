import Foundation
import SegmentaCore

/// Reference values written by `Fixtures/reference/make_evaluation_reference.py` (scikit-learn 1.9.1, SciPy 1.17.1,
/// mpmath; the R-defined quantities re-implemented there from the R sources).
struct EvaluationFixtures: Decodable {
  struct AgreementCase: Decodable {
    let a: [Int32]
    let b: [Int32]
    let ari: Double
    let ami: Double
    let nmi: Double
  }

  struct LabelledData: Decodable {
    let values: [Double]
    let columns: Int
    let labels: [Int32]
    let dunn: Double
    var matrix: FeatureMatrix { .fixture(values, columns: columns) }
  }

  struct GapCase: Decodable {
    let values: [Double]
    let columns: Int
    let kMax: Int
    let references: Int
    let uniforms: [[Double]]
    let logW: [Double]
    let expectedLogW: [Double]
    let gap: [Double]
    let standardError: [Double]
    let k: Int
    let rotation: [Double]
    let center: [Double]
    var matrix: FeatureMatrix { .fixture(values, columns: columns) }
    enum CodingKeys: String, CodingKey {
      case values, columns, uniforms, gap, k, center
      case kMax = "k_max"
      case references = "B"
      case logW
      case expectedLogW = "E_logW"
      case standardError = "SE_sim"
      case rotation = "V"
    }
  }

  struct MaxSECase: Decodable {
    let f: [Double]
    let se: [Double]
    let k: Int
  }

  struct PCACase: Decodable {
    let components: [Double]
    let explainedVariance: [Double]
    let projectionHead: [Double]
    enum CodingKeys: String, CodingKey {
      case components
      case explainedVariance = "explained_variance"
      case projectionHead = "projection_head"
    }
  }

  struct Tests: Decodable {
    struct ANOVA: Decodable {
      let values: [Double]
      let groups: [Int32]
      let F: Double
      let p: Double
      let negLog10P: Double
      enum CodingKeys: String, CodingKey {
        case values, groups, F, p
        case negLog10P = "neg_log10_p"
      }
    }
    struct ChiSquared: Decodable {
      let table: [Int]
      let columns: Int
      let chi2: Double
      let dof: Int
      let p: Double
      let cramersV: Double
      let negLog10P: Double
      enum CodingKeys: String, CodingKey {
        case table, columns, chi2, dof, p
        case cramersV = "cramers_v"
        case negLog10P = "neg_log10_p"
      }
    }
    struct FTail: Decodable {
      let F: Double
      let d1: Double
      let d2: Double
      let sf: Double
      let negLog10P: Double
      enum CodingKeys: String, CodingKey {
        case F, d1, d2, sf
        case negLog10P = "neg_log10_p"
      }
    }
    struct ChiTail: Decodable {
      let x: Double
      let df: Double
      let sf: Double
      let negLog10P: Double
      enum CodingKeys: String, CodingKey {
        case x, df, sf
        case negLog10P = "neg_log10_p"
      }
    }
    let anova: ANOVA
    let chi2: ChiSquared
    let fTail: [FTail]
    let chi2Tail: [ChiTail]
    enum CodingKeys: String, CodingKey {
      case anova, chi2
      case fTail = "f_tail"
      case chi2Tail = "chi2_tail"
    }
  }

  struct ClusterBoot: Decodable {
    let partition: [Int32]
    let draws: [[Int]]
    let relabels: [[Int32]]
    let result: [Double]
    let mean: [Double]
    let dissolved: [Int]
    let recovered: [Int]
  }

  let agreement: [String: AgreementCase]
  let dunn: [String: LabelledData]
  let gap: [String: GapCase]
  let maxSE: [MaxSECase]
  let pca: PCACase
  let tests: Tests
  let clusterboot: ClusterBoot
  enum CodingKeys: String, CodingKey {
    case agreement, dunn, gap, pca, tests, clusterboot
    case maxSE = "max_se"
  }

  static var shared: EvaluationFixtures {
    get throws { try ReferenceFixtures.load("evaluation.json", as: EvaluationFixtures.self) }
  }
}

extension FeatureMatrix {
  /// A matrix from row-major fixture values with `columns` columns named x1, x2, …
  static func fixture(_ values: [Double], columns: Int) -> FeatureMatrix {
    FeatureMatrix(
      rows: values.count / columns, columns: columns, names: (1...columns).map { "x\($0)" },
      values: ContiguousArray(values))
  }
}
