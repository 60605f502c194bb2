/// Keeps passwords out of what Segmenta writes down (journals, history): a password in a connection URI
/// (`postgresql://app:secret@db/erp`) or as a `password=` setting (a URI parameter, or libpq's `key=value` form,
/// where a value with spaces is single-quoted: `password='a b'`) becomes `***`.
public enum Credentials {
  /// `text` with every password in a URI's user part or a `password=` setting replaced by `***`.
  public static func redacted(_ text: String) -> String {
    text.replacing(#/(?<head>[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s"]*):[^@/\s"]*@/#) { "\($0.head):***@" }
      .replacing(#/(?<key>(?i)password\s*=\s*)(?:'(?:[^'\\]|\\.)*'?|[^&\s"]+)/#) { "\($0.key)***" }
  }

  /// Whether `text` holds something ``redacted(_:)`` would hide.
  public static func containsPassword(_ text: String) -> Bool { redacted(text) != text }
}
