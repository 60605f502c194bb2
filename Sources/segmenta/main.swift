import Foundation
import SegmentaCore
import SegmentaSession

/// `segmenta` — the thin executable: parses the command line and wires the terminal to the session layer.
let usage = """
  usage: segmenta [--session FILE.seg]           interactive workbench (journal to FILE.seg)
         segmenta FILE.seg | --resume FILE.seg  replay FILE, then continue interactively, appending to it
         segmenta --from FILE.seg               replay FILE, then continue in a new journal that starts with it
         segmenta run FILE.seg [--out NEW.seg]  execute a session and print its transcript
         segmenta check [--update] FILE.seg…    replay sessions and compare their recorded outputs
         segmenta render FILE.seg -o FILE.html  execute a session and write it as a notebook page
         segmenta --reference                   print the command reference (Markdown)
  exit codes: 0 ok · 1 output mismatch · 2 parse/usage · 3 a command failed · 4 an expect failed

  """

let cwd = FileManager.default.currentDirectoryPath

func printOut(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
func printErr(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

/// The absolute folder of `path`.
func absoluteFolder(of path: String) -> String {
  let absolute = path.hasPrefix("/") ? path : (cwd as NSString).appendingPathComponent(path)
  return ((absolute as NSString).deletingLastPathComponent as NSString).standardizingPath
}

/// Runs the REPL on `interpreter`, journaling to `journalPath` (if any), and returns the exit status.
/// Typed paths are resolved against the working directory and journaled relative to the journal's folder.
func interactive(_ interpreter: Interpreter, journalPath: String?, header: [String]) -> Int32 {
  interpreter.baseDirectory = cwd
  interpreter.displayDirectory = journalPath.map(absoluteFolder) ?? cwd
  interpreter.progress = isatty(STDIN_FILENO) != 0 ? TerminalProgress.reporter() : nil
  let watcher = InterruptSignal.forward(to: interpreter.cancellation)
  defer { watcher.cancel() }
  let journal = journalPath.map { Journal(path: $0, header: header) }
  do { try journal?.flush() } catch { printErr("warning: \(error)\n") }
  let terminal = isatty(STDIN_FILENO) != 0
  if terminal {
    printOut("Segmenta — customer segmentation workbench. Type `help`, Ctrl-D to quit.\n")
    if let journal { printOut("journal: \(journal.path)\n") }
  }
  let reader = makeLineReader(historyPath: defaultHistoryPath(), completion: SessionCompleter(interpreter: interpreter))
  let driver = REPLDriver(interpreter: interpreter, reader: reader, journal: journal, write: printOut)
  driver.run()
  reader.close()
  return terminal ? 0 : driver.worstStatus.rawValue
}

AllocatorPolicy.apply()
var arguments = Array(CommandLine.arguments.dropFirst())
let batch = BatchRunner(out: printOut, err: printErr)
let newHeader = REPLDefaults.header(seed: Settings().seed)

switch arguments.first {
case "run":
  arguments.removeFirst()
  var outPath: String?
  if let i = arguments.firstIndex(of: "--out"), i + 1 < arguments.count {
    outPath = arguments[i + 1]
    arguments.removeSubrange(i...(i + 1))
  }
  guard arguments.count == 1 else {
    printErr(usage)
    exit(2)
  }
  exit(batch.run(path: arguments[0], outPath: outPath))
case "check":
  arguments.removeFirst()
  let update = arguments.contains("--update")
  arguments.removeAll { $0 == "--update" }
  guard !arguments.isEmpty, !arguments.contains(where: { $0.hasPrefix("--") }) else {
    printErr(usage)
    exit(2)
  }
  exit(batch.check(paths: arguments, update: update))
case "render":
  guard arguments.count == 4, arguments[2] == "-o" || arguments[2] == "--out" else {
    printErr(usage)
    exit(2)
  }
  exit(batch.render(path: arguments[1], htmlPath: arguments[3]))
case "--reference":
  printOut(CommandReference.markdown())
  exit(0)
case "--help", "-h", "help":
  printOut(usage)
  exit(0)
case "--session":
  guard arguments.count == 2 else {
    printErr(usage)
    exit(2)
  }
  let exists = FileManager.default.fileExists(atPath: arguments[1])
  if exists {
    printErr("error: \(arguments[1]) exists; resume it with `segmenta \(arguments[1])`\n")
    exit(2)
  }
  exit(interactive(Interpreter(baseDirectory: cwd), journalPath: arguments[1], header: newHeader))
case "--from":
  guard arguments.count == 2 else {
    printErr(usage)
    exit(2)
  }
  guard let (interpreter, replayed) = batch.resume(path: arguments[1]) else { exit(2) }
  // The new journal sits beside FILE so the copied commands' relative paths stay valid.
  let folder = (arguments[1] as NSString).deletingLastPathComponent
  let journalPath = REPLDefaults.journalPath(in: folder.isEmpty ? "." : folder)
  exit(interactive(interpreter, journalPath: journalPath, header: [replayed.rendered()]))
case .some(let first) where first == "--resume" || first.hasSuffix(".seg"):
  let path = first == "--resume" ? (arguments.count == 2 ? arguments[1] : "") : first
  guard !path.isEmpty, arguments.count == (first == "--resume" ? 2 : 1) else {
    printErr(usage)
    exit(2)
  }
  guard let (interpreter, _) = batch.resume(path: path) else { exit(2) }
  exit(interactive(interpreter, journalPath: path, header: []))
case nil:
  let terminal = isatty(STDIN_FILENO) != 0
  exit(
    interactive(
      Interpreter(baseDirectory: cwd), journalPath: terminal ? REPLDefaults.journalPath(in: "sessions") : nil,
      header: newHeader))
default:
  printErr(usage)
  exit(2)
}
