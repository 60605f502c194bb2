import Foundation
import SegmentaCore
import Testing

/// F and χ² upper tails in log space against SciPy (where a Double holds p) and mpmath at 60 digits (beyond).
@Suite struct TailProbabilityTests {
  @Test func fTailMatchesSciPyAndMpmath() throws {
    for c in try EvaluationFixtures.shared.tests.fTail {
      let log10p = TailProbability.log10F(c.F, c.d1, c.d2)
      #expect(isClose(-log10p, c.negLog10P, tolerance: 1e-11), "F=\(c.F) d1=\(c.d1) d2=\(c.d2): \(-log10p)")
      if c.sf > 0 {
        let p = pow(10, log10p)
        #expect(isClose(p, c.sf, tolerance: 1e-11), "F=\(c.F): p \(p) vs \(c.sf)")
      }
    }
  }

  @Test func chiSquaredTailMatchesSciPyAndMpmath() throws {
    for c in try EvaluationFixtures.shared.tests.chi2Tail {
      let log10p = TailProbability.log10ChiSquared(c.x, c.df)
      #expect(isClose(-log10p, c.negLog10P, tolerance: 1e-11), "x=\(c.x) df=\(c.df): \(-log10p)")
    }
  }

  @Test func limitsAreProbabilitiesOfOneAndZero() {
    #expect(TailProbability.log10F(0, 2, 10) == 0)
    #expect(TailProbability.log10ChiSquared(0, 3) == 0)
    #expect(TailProbability.log10F(.infinity, 2, 10) == -.infinity)
  }
}
