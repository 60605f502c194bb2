import Foundation
import Testing

@testable import SegmentaSession

/// `run minibatch` from the REPL: options, defaults shown in the variant's method, and usage errors.
@Suite struct RunMiniBatchTests {
  private func interpreter() -> Interpreter {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let interpreter = Interpreter(baseDirectory: folder.path)
    for line in ["load datasets/b2b-customers.csv as c", "features order_count_12m"] {
      #expect(interpreter.execute(line).error == nil, "\(line)")
    }
    return interpreter
  }

  @Test func fitsWithScikitLearnDefaultsAndSweeps() throws {
    let session = interpreter()
    #expect(session.execute("run minibatch k=3 as mb").error == nil)
    let variant = try session.workspace.variant(named: "mb")
    #expect(
      variant.method
        == "minibatch k=3 init=k-means++ n_init=1 batch=1024 max_iter=100 tol=0.0 max_no_improvement=10 "
        + "reassignment_ratio=0.01")
    #expect(variant.result.k == 3 && variant.result.inertia != nil)
    #expect(session.execute("run minibatch k=2..3 init=random n_init=auto batch=256 max_iter=5 as s").error == nil)
    #expect(try session.workspace.variant(named: "s.k3").method.contains("init=random n_init=3 batch=256 max_iter=5"))
  }

  @Test func rejectsOptionsOutOfRange() {
    let session = interpreter()
    for line in ["run minibatch k=3 batch=0", "run minibatch k=3 n_init=0", "run minibatch k=3 tol=1", "run minibatch"]
    {
      guard case .usage = session.execute(line).error else {
        Issue.record("'\(line)' was not a usage error")
        continue
      }
    }
  }
}
