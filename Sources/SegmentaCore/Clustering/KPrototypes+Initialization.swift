import Foundation

/// Starts of k-prototypes runs: Cao's modes (kmodes' `init_cao`), numeric centres drawn from N(mean, sd), and the
/// random-row fallback kmodes switches to when starts keep leaving a segment empty.
extension KPrototypes {
  /// Cao et al. (2009) as kmodes' `init_cao`: the first mode is the row of highest density (mean relative frequency
  /// of its values); each next one maximises, over rows, min over chosen modes of mismatches × density (first row
  /// on ties). Returns k × q codes, row-major.
  ///
  /// - Complexity: O(n × q × k²).
  static func caoModes(_ categorical: CategoricalMatrix, k: Int) -> ContiguousArray<Int32> {
    let n = categorical.rows
    let q = categorical.columns
    var density = [Double](repeating: 0, count: n)
    categorical.codes.withUnsafeBufferPointer { x in
      for a in 0..<q {
        var frequency = [Int](repeating: 0, count: categorical.levels[a].count)
        for i in 0..<n { frequency[Int(x[i * q + a])] += 1 }
        for i in 0..<n { density[i] += Double(frequency[Int(x[i * q + a])]) / Double(n) / Double(q) }
      }
    }
    var chosen = [argmax(density)]
    var closest = [Double](repeating: .infinity, count: n)
    categorical.codes.withUnsafeBufferPointer { x in
      while chosen.count < k {
        let last = chosen[chosen.count - 1]
        for i in 0..<n {
          var mismatches = 0
          for a in 0..<q where x[i * q + a] != x[last * q + a] { mismatches += 1 }
          closest[i] = Swift.min(closest[i], Double(mismatches) * density[i])
        }
        chosen.append(argmax(closest))
      }
    }
    var modes = ContiguousArray<Int32>()
    modes.reserveCapacity(k * q)
    for row in chosen { modes.append(contentsOf: categorical.codes[(row * q)..<((row + 1) * q)]) }
    return modes
  }

  /// The first index of the largest value (NumPy's `argmax`).
  private static func argmax(_ values: [Double]) -> Int {
    var best = 0
    for i in values.indices where values[i] > values[best] { best = i }
    return best
  }

  /// kmodes' numeric start: mean + z × sd per feature (ddof 0), z standard normal, k × d values row-major.
  static func normalCentres(_ problem: Problem, rng: inout SeededRandom) -> ContiguousArray<Double> {
    var centres = ContiguousArray<Double>(repeating: 0, count: problem.k * problem.d)
    for c in 0..<problem.k {
      for j in 0..<problem.d {
        centres[c * problem.d + j] = problem.means[j] + standardNormal(&rng) * problem.deviations[j]
      }
    }
    return centres
  }

  /// kmodes' `init='random'` fallback for the modes: the categorical values of k rows drawn with replacement.
  static func randomModes(_ problem: Problem, rng: inout SeededRandom) -> ContiguousArray<Int32> {
    var modes = ContiguousArray<Int32>()
    modes.reserveCapacity(problem.k * problem.q)
    for _ in 0..<problem.k {
      let row = rng.nextInt(below: problem.n)
      modes.append(contentsOf: problem.codes[(row * problem.q)..<((row + 1) * problem.q)])
    }
    return modes
  }

  /// A standard normal deviate by the Box–Muller transform (cosine branch) from two uniforms.
  private static func standardNormal(_ rng: inout SeededRandom) -> Double {
    let u = 1 - rng.nextDouble()
    let v = rng.nextDouble()
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
  }
}
