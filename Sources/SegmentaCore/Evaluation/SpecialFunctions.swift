import Foundation

/// Upper tail probabilities of the F and χ² distributions, kept in log space so that the tiny p-values of large
/// samples (10⁻⁵⁰⁰ and below, which underflow a Double) still rank features.
///
/// Continued fractions and series after Press, Teukolsky, Vetterling & Flannery, "Numerical Recipes", 3rd ed.,
/// §6.2 (incomplete gamma) and §6.4 (incomplete beta, modified Lentz); relative accuracy about 1e-13.
public enum TailProbability {
  /// log₁₀ P(F > f) for F ~ F(d1, d2): log₁₀ of the regularised incomplete beta I_{d2/(d2+d1 f)}(d2/2, d1/2).
  ///
  /// - Complexity: O(√max(d1, d2)) continued-fraction terms.
  public static func log10F(_ f: Double, _ d1: Double, _ d2: Double) -> Double {
    precondition(d1 > 0 && d2 > 0, "degrees of freedom must be positive")
    if !(f > 0) { return 0 }
    if f.isInfinite { return -.infinity }
    return logRegularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2) / M_LN10
  }

  /// log₁₀ P(X > x) for X ~ χ²(df): log₁₀ of the regularised upper incomplete gamma Q(df/2, x/2).
  ///
  /// - Complexity: O(√x) series or continued-fraction terms.
  public static func log10ChiSquared(_ x: Double, _ df: Double) -> Double {
    precondition(df > 0, "degrees of freedom must be positive")
    if !(x > 0) { return 0 }
    if x.isInfinite { return -.infinity }
    return logUpperGamma(df / 2, x / 2) / M_LN10
  }

  /// ln I_x(a, b), the regularised incomplete beta function.
  static func logRegularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
    if x <= 0 { return -.infinity }
    if x >= 1 { return 0 }
    let logFront = a * log(x) + b * log1p(-x) - logBeta(a, b)
    if x < (a + 1) / (a + b + 2) {
      return logFront + log(betaFraction(x, a, b)) - log(a)
    }
    let complement = exp(logFront + log(betaFraction(1 - x, b, a)) - log(b))
    return log1p(-complement)
  }

  /// ln Q(a, x), the regularised upper incomplete gamma function.
  static func logUpperGamma(_ a: Double, _ x: Double) -> Double {
    if x < a + 1 {
      // Series for P(a, x); Q = 1 − P.
      var term = 1 / a
      var sum = term
      var n = a
      for _ in 0..<10_000 {
        n += 1
        term *= x / n
        sum += term
        if abs(term) < abs(sum) * 1e-17 { break }
      }
      return log1p(-exp(log(sum) - x + a * log(x) - lgamma(a)))
    }
    // Continued fraction for Q (modified Lentz).
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1..<10_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return log(h) - x + a * log(x) - lgamma(a)
  }

  /// ln B(a, b) from ln Γ.
  private static func logBeta(_ a: Double, _ b: Double) -> Double { lgamma(a) + lgamma(b) - lgamma(a + b) }

  /// The continued fraction of the incomplete beta function (modified Lentz).
  private static func betaFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
    let tiny = 1e-300
    let qab = a + b
    let qap = a + 1
    let qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1..<10_000 {
      let m = Double(m)
      let m2 = 2 * m
      var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return h
  }
}
