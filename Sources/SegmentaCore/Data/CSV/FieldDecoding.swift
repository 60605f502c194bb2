/// Turns tokenized fields into strings in the file's encoding.
struct FieldDecoding {
  let bytes: UnsafeBufferPointer<UInt8>
  let records: CSVRecords
  let encoding: TextEncoding

  /// The text of field `f`: unquoted fields trimmed of surrounding spaces and tabs, quoted fields verbatim with
  /// doubled quotes undoubled.
  func text(_ f: Int, trimmingQuoted: Bool = false) -> String {
    let range = records.range(f)
    let content = records.quoted[f] && !trimmingQuoted ? range : FieldText.trimmed(bytes, range)
    guard records.isEscaped(f) else {
      return ByteDecoding.decode(UnsafeBufferPointer(rebasing: bytes[content]), as: encoding)
    }
    var undoubled: [UInt8] = []
    undoubled.reserveCapacity(content.count)
    var i = content.lowerBound
    while i < content.upperBound {
      undoubled.append(bytes[i])
      i += bytes[i] == ASCII.quote ? 2 : 1
    }
    return undoubled.withUnsafeBufferPointer { ByteDecoding.decode($0, as: encoding) }
  }
}
