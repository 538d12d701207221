import Foundation
@testable import OCOPStore
import PropertyBased
import Testing

/// The sheet import's CSV reader reads exactly what RFC 4180 says: random tables written as CSV
/// (quotes, commas, CR, LF, CRLF inside fields, a BOM, NFD and NFC Vietnamese, empty fields,
/// blank lines) read back as the same records on the same physical lines, and arbitrary text
/// is read exactly as a reference reader reads it, malformed quoting included — with commas, and
/// with the semicolons and tabs a header line may choose.
@Suite struct ScoreCSVReaderPropertyTests {
    /// Pieces fields are made of: CSV's special characters, Vietnamese in both normal forms, a
    /// lone combining mark, a BOM inside a field, an emoji.
    static let fragments = [
        "a", "Z", "7", " ", "\t", ",", ";", "\"", "\r", "\n", "\r\n", "\"\"", "HS-2026-0001", "1.1",
        "Hà Nội", "Ha\u{300} Nô\u{323}\u{302}i", "đặc sản", "Đ", "ư", "e\u{323}\u{302}", "\u{301}", "\u{FEFF}", "😀",
    ]

    static let separators: [Unicode.Scalar] = [",", ";", "\t"]

    @Test func wellFormedTablesReadBackAsWritten() async {
        let field = Gen.int(in: 0...(Self.fragments.count - 1)).array(of: 0...4)
        let table = field.array(of: 1...4).array(of: 0...8)
        await propertyCheck(count: 1000, input: table, Gen.int(in: 0...255).array(of: 9), Gen.bool(), Gen.bool(), Gen.int(in: 0...2)) { rows, layout, bom, finalNewline, s in
            let separator = Self.separators[s]
            let table = rows.map { $0.map { $0.map { Self.fragments[$0] }.joined() } }
            let (bytes, expected) = Self.write(table, layout: layout, bom: bom, finalNewline: finalNewline, separator: separator)
            let read = Self.read(bytes, separator: separator)
            #expect(read == .records(expected), "\(Self.show(bytes))")
            #expect(read == ReferenceCSV.read(bytes, separator: separator), "\(Self.show(bytes))")
        }
    }

    @Test func anyTextIsReadAsTheReferenceReadsIt() async {
        let tokens = ["a", ",", ";", "\t", "\"", "\r", "\n", " ", "é", "e\u{301}", "\u{FEFF}"]
        await propertyCheck(count: 3000, input: Gen.int(in: 0...(tokens.count - 1)).array(of: 0...30), Gen.bool(), Gen.int(in: 0...2)) { picks, bom, s in
            let bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(picks.map { tokens[$0] }.joined().utf8)
            let separator = Self.separators[s]
            #expect(Self.read(bytes, separator: separator) == ReferenceCSV.read(bytes, separator: separator), "\(Self.show(bytes))")
        }
    }

    @Test func examples() {
        let file = "\u{FEFF}dossier,member,criterion,points,reason\r\nHS-2026-0001,m1,1.1,5,\"Nhà \"\"Mới\"\",\r\nHa\u{300} Nội\"\r\n\r\nHS-2026-0001,m1,1.2,3,\n"
        #expect(Self.read(Array(file.utf8)) == .records([
            Record(line: 1, fields: ["dossier", "member", "criterion", "points", "reason"]),
            Record(line: 2, fields: ["HS-2026-0001", "m1", "1.1", "5", "Nhà \"Mới\",\r\nHà Nội"]),
            Record(line: 5, fields: ["HS-2026-0001", "m1", "1.2", "3", ""]),
        ]))
        #expect(Self.read(Array("a,b\nc,d\"e\n".utf8)) == .malformed(.quoteInUnquotedField, line: 2))
        #expect(Self.read(Array("a,\"b\" ,c\n".utf8)) == .malformed(.textAfterClosingQuote, line: 1))
        #expect(Self.read(Array("a\nb,\"c\nd\n".utf8)) == .malformed(.unclosedQuote, line: 2))
        #expect(Self.read(Array("a\rb\n".utf8)) == .malformed(.loneCarriageReturn, line: 1))
        // The header line picks the separator: a comma if it has one, else a semicolon, else a tab.
        for (header, expected): (String, Unicode.Scalar) in [("a,b;c\tD\n", ","), ("\u{FEFF}a;b\tc\r\nx,y\n", ";"), ("a\tb\n1;2\n", "\t"), ("a\n1;2\n", ","), ("", ",")] {
            #expect(CSVSeparator.of(Data(header.utf8)) == UInt8(ascii: expected), "\(header.debugDescription)")
        }
        #expect(Self.read(Array("dossier;member\r\n\"HS;1\";m1\r\n".utf8), separator: ";") == .records([
            Record(line: 1, fields: ["dossier", "member"]), Record(line: 2, fields: ["HS;1", "m1"]),
        ]))
    }

    // MARK: Writing a table

    /// The table as RFC 4180 CSV and the records a reader must yield: `layout` picks, per record,
    /// CRLF or LF, whether a blank line goes before it and whether every field is quoted.
    static func write(_ table: [[String]], layout: [Int], bom: Bool, finalNewline: Bool, separator: Unicode.Scalar = ",") -> ([UInt8], [Record]) {
        var out: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
        var line = 1
        var expected: [Record] = []
        func emit(_ text: String) {
            out += Array(text.utf8)
            line += text.utf8.filter { $0 == 10 }.count
        }
        for (k, record) in table.enumerated() {
            let bits = layout[k % layout.count]
            let newline = bits & 1 == 0 ? "\n" : "\r\n"
            if bits & 2 != 0 { emit(newline) }
            let start = line
            // Scalar by scalar: `,` + U+0301 is one Character, yet still a separator to CSV. A field
            // that begins with U+FEFF is quoted, or at the start of the file it would be a BOM.
            emit(record.map { field in
                let special = field.unicodeScalars.contains { $0 == separator || $0 == "\"" || $0 == "\r" || $0 == "\n" }
                    || field.unicodeScalars.first == "\u{FEFF}"
                guard special || bits & 4 != 0 else { return field }
                var quoted = String.UnicodeScalarView(["\""])
                for c in field.unicodeScalars { quoted.append(contentsOf: c == "\"" ? ["\"", "\""] : [c]) }
                quoted.append("\"")
                return String(quoted)
            }.joined(separator: String(separator)))
            if k < table.count - 1 || finalNewline { emit(newline) }
            // One empty field is a blank line, which readers skip.
            if record != [""] { expected.append(Record(line: start, fields: record.map(\.precomposedStringWithCanonicalMapping))) }
        }
        return (out, expected)
    }

    // MARK: Reading

    /// A record with its fields as bytes: Swift's `==` on String is canonical equivalence, which
    /// would hide a missing NFC normalization.
    struct Record: Equatable, CustomStringConvertible {
        var line: Int
        var fields: [[UInt8]]
        init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields.map { Array($0.utf8) }
        }
        var description: String { "\(line): \(fields.map { String(decoding: $0, as: UTF8.self).debugDescription })" }
    }

    enum Outcome: Equatable {
        case records([Record])
        case malformed(ScoreCSVReader.Malformed.Kind, line: Int)
    }

    static func read(_ bytes: [UInt8], separator: Unicode.Scalar = ",") -> Outcome {
        var reader = ScoreCSVReader(Data(bytes), separator: UInt8(separator.value))
        var records: [Record] = []
        do throws(ScoreCSVReader.Malformed) {
            while let record = try reader.next() { records.append(Record(line: record.line, fields: record.fields)) }
        } catch {
            return .malformed(error.kind, line: error.line)
        }
        return .records(records)
    }

    static func show(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self).debugDescription }
}

/// RFC 4180 read one Unicode scalar at a time through an explicit state machine — a different
/// shape from the reader under test, and small enough to check by eye. Records end with LF or
/// CRLF; a BOM is skipped at the start only; a record that is one empty field is a blank line;
/// fields are NFC-normalised.
enum ReferenceCSV {
    typealias Outcome = ScoreCSVReaderPropertyTests.Outcome

    enum State { case fieldStart, unquoted, quoted, quoteInQuoted, carriageReturn }

    static func read(_ bytes: [UInt8], separator: Unicode.Scalar = ",") -> Outcome {
        var scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [ScoreCSVReaderPropertyTests.Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var state = State.fieldStart
        var line = 1, recordLine = 1, quoteLine = 1
        var inRecord = false

        func endField() {
            fields.append(String(field).precomposedStringWithCanonicalMapping)
            field = String.UnicodeScalarView()
        }
        func endRecord() {
            endField()
            if fields != [""] { records.append(.init(line: recordLine, fields: fields)) }
            fields = []
            inRecord = false
            line += 1
            state = .fieldStart
        }

        for c in scalars {
            if !inRecord { inRecord = true; recordLine = line }
            switch state {
            case .fieldStart, .unquoted:
                switch c {
                case "\"":
                    if state == .unquoted { return .malformed(.quoteInUnquotedField, line: line) }
                    state = .quoted
                    quoteLine = line
                case separator: endField(); state = .fieldStart
                case "\n": endRecord()
                case "\r": state = .carriageReturn
                default: field.append(c); state = .unquoted
                }
            case .quoted:
                if c == "\"" { state = .quoteInQuoted } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
            case .quoteInQuoted:
                switch c {
                case "\"": field.append(c); state = .quoted
                case separator: endField(); state = .fieldStart
                case "\n": endRecord()
                case "\r": state = .carriageReturn
                default: return .malformed(.textAfterClosingQuote, line: line)
                }
            case .carriageReturn:
                guard c == "\n" else { return .malformed(.loneCarriageReturn, line: line) }
                endRecord()
            }
        }
        switch state {
        case .quoted: return .malformed(.unclosedQuote, line: quoteLine)
        case .carriageReturn: return .malformed(.loneCarriageReturn, line: line)
        case .fieldStart where !inRecord: break
        default: endRecord()
        }
        return .records(records)
    }
}
