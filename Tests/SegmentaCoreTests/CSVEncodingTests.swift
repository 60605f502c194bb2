import Foundation
import Testing

@testable import SegmentaCore

/// Byte order marks, Windows-1252, Latin-1, invalid UTF-8 and the file fingerprint.
@Suite struct CSVEncodingTests {
  @Test func byteOrderMarkIsStrippedAndReported() throws {
    let load = try CSVFixture.load("bom.csv")
    #expect(load.hadByteOrderMark)
    #expect(load.encoding == .utf8)
    #expect(load.table.columns.map(\.name) == ["Straße", "Größe"])
    #expect(load.table.texts("Straße") == ["Müller"])
  }

  @Test func plainUTF8HasNoByteOrderMark() throws {
    let load = try CSVFixture.load("comma.csv")
    #expect(!load.hadByteOrderMark)
    #expect(load.encoding == .utf8)
  }

  @Test func windows1252IsDetectedWithUmlautsAndEuroInHeaderAndValues() throws {
    let load = try CSVFixture.load("cp1252.csv")
    #expect(load.encoding == .windows1252)
    #expect(load.table.columns.map(\.name) == ["Kundennummer", "Straße", "Betrag €", "Notiz"])
    #expect(load.table.texts("Straße") == ["Königsallee", "Grüner Weg"])
    #expect(load.table.texts("Notiz") == ["€ und Š", "šöü"])
  }

  @Test func latin1FilesDecodeAsWindows1252WhenDetectedAndAsLatin1WhenForced() throws {
    let detected = try CSVFixture.load("latin1.csv")
    #expect(detected.table.texts("Name") == ["Jürgen", "Änne"])
    #expect(detected.table.texts("Ort") == ["Köln", "Düsseldorf"])
    let forced = try CSVFixture.load("latin1.csv", options: CSVOptions(encoding: .latin1))
    #expect(forced.encoding == .latin1)
    #expect(forced.table == detected.table)
  }

  @Test func byte0x80IsTheEuroInWindows1252AndAControlInLatin1() throws {
    #expect(try CSVFixture.load("byte80.csv").table.texts("sign") == ["€"])
    let latin1 = try CSVFixture.load("byte80.csv", options: CSVOptions(encoding: .latin1))
    #expect(latin1.table.texts("sign") == ["\u{80}"])
  }

  @Test func invalidUTF8WhenUTF8IsForcedPointsAtTheByte() {
    // The first non-UTF-8 byte of cp1252.csv is the "ß" of "Straße" in the header: line 1, field 2.
    CSVFixture.expectError(
      "cp1252.csv", options: CSVOptions(encoding: .utf8), line: 1, column: 2, problem: "byte 0xDF is not valid UTF-8",
      hint: "try encoding=windows-1252")
  }

  @Test func utf16IsRejectedWithAHint() {
    CSVFixture.expectError("utf16.csv", line: 1, column: 1, problem: "UTF-16", hint: "CSV UTF-8")
  }

  @Test func germanExportAndPlainCSVLoadToTheSameTable() throws {
    let german = try CSVFixture.load("german_export.csv")
    let plain = try CSVFixture.load("plain_export.csv")
    #expect(german.separator == UInt8(ascii: ";") && german.decimalComma && german.encoding == .windows1252)
    #expect(plain.separator == UInt8(ascii: ",") && !plain.decimalComma && plain.encoding == .utf8)
    #expect(german.table == plain.table)
    #expect(german.table.kinds == [.identifier, .categorical, .numeric, .date, .categorical])
    #expect(german.table.idColumn == "Kundennr")
  }

  @Test(arguments: [("", "cbf29ce484222325"), ("a", "af63dc4c8601ec8c"), ("foobar", "85944171f73967e8")])
  func fingerprintIsFNV1a64(text: String, expected: String) throws {
    // Reference values from the FNV test suite (http://www.isthe.com/chongo/src/fnv/test_fnv.c).
    #expect(try Array(text.utf8).withUnsafeBufferPointer { try Fingerprint.fnv1a64($0) } == expected)
  }

  @Test func loadFingerprintsTheRawBytesIncludingTheByteOrderMark() throws {
    let path = CSVFixture.path("bom.csv")
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    let load = try CSVFixture.load("bom.csv")
    #expect(try load.fingerprint == bytes.withUnsafeBufferPointer { try Fingerprint.fnv1a64($0) })
    #expect(load.fingerprint.count == 16)
    #expect(load.fingerprint != (try CSVFixture.load("comma.csv")).fingerprint)
  }
}
