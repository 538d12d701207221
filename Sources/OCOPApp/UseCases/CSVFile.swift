import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore
import SwiftCSV

/// Reads a CSV file (UTF-8, header row) into records with physical line numbers. The separator
/// is a comma, or the one the header line uses: Excel saves "CSV" with semicolons where the
/// decimal mark is a comma, as on Vietnamese Windows, and a copy from a spreadsheet has tabs.
enum CSVFile {
    static func read(_ path: String) throws -> (header: [String], records: [ImportRecord]) {
        let text = try InputFile.text(path, limit: InputFile.csvLimit)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw AppError.emptyFile(path) }
        let separator = delimiter(of: text)
        // SwiftCSV neither reports an unclosed quote nor says where a quoting error is.
        if let problem = quotingProblem(text, separator: separator) {
            throw StoreError.importFailed(file: path, problems: [problem])
        }
        let csv: CSV<Enumerated>
        var rawRows: [[String]] = []
        do {
            csv = try CSV<Enumerated>(string: text, delimiter: CSVDelimiter(unicodeScalarLiteral: separator), loadColumns: false)
            // `csv.rows` pads short rows to the longest one, which would hide a missing field.
            try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { rawRows.append($0) }
        } catch let error as CSVParseError {
            let detail: String = switch error {
            case let .generic(message), let .quotation(message): message
            }
            throw StoreError.importFailed(file: path, problems: [ImportProblem(line: 1, reason: LocalizedText(vi: "không phải CSV hợp lệ: \(detail)", en: "not valid CSV: \(detail)"))])
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var records: [ImportRecord] = []
        var line = 2
        var problems: [ImportProblem] = []
        for row in rawRows {
            // SwiftCSV keeps newlines inside quoted fields; count them so line numbers stay physical.
            let embeddedNewlines = row.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
            if row.count == 1 && row[0].trimmingCharacters(in: .whitespaces).isEmpty {
                line += 1 + embeddedNewlines
                continue  // a blank line
            }
            if row.count != header.count {
                problems.append(ImportProblem(line: line, reason: LocalizedText(
                    vi: "có \(row.count) cột, tiêu đề có \(header.count)", en: "has \(row.count) fields, the header has \(header.count)")))
            } else {
                var fields: [String: String] = [:]
                for (name, value) in zip(header, row) { fields[name] = value }
                records.append(ImportRecord(line: line, fields: fields))
            }
            line += 1 + embeddedNewlines
        }
        if !problems.isEmpty {
            throw StoreError.importFailed(file: path, problems: problems)
        }
        return (header, records)
    }

    /// The header line's separator (`CSVSeparator`: a comma, else a semicolon, else a tab).
    static func delimiter(of text: String) -> Character {
        Character(Unicode.Scalar(CSVSeparator.of(text.utf8)))
    }

    /// The first quoting mistake, with the line it is on: a quoted field that never closes, text
    /// right after a closing quote, or a lone quote inside an unquoted field.
    static func quotingProblem(_ text: String, separator: Character = ",") -> ImportProblem? {
        var line = 1
        var inQuotes = false, justClosed = false, atFieldStart = true, innerQuote = false
        var openedOn = 1
        for character in text {
            if inQuotes {
                if character == "\"" { inQuotes = false; justClosed = true }
                else if character.isNewline { line += 1 }
                continue
            }
            if justClosed {
                if character == "\"" { inQuotes = true; justClosed = false; continue }  // "" inside a quoted field
                if character == separator { justClosed = false; atFieldStart = true; continue }
                if character.isNewline { justClosed = false; atFieldStart = true; line += 1; continue }
                if character.isWhitespace { continue }
                return ImportProblem(line: line, reason: LocalizedText(
                    vi: "có ký tự \"\(character)\" ngay sau dấu ngoặc kép đóng (trường trong ngoặc kép phải kết thúc bằng dấu ngoặc kép)",
                    en: "character \"\(character)\" right after a closing quote (a quoted field must end with its quote)"))
            }
            if innerQuote {
                innerQuote = false
                if character == "\"" { continue }  // "" inside an unquoted field is one quote
                return ImportProblem(line: line, reason: LocalizedText(
                    vi: "dấu ngoặc kép nằm giữa một trường không có ngoặc kép (viết \"\" hoặc đặt cả trường trong ngoặc kép)",
                    en: "a quote inside an unquoted field (write \"\" or put the whole field in quotes)"))
            }
            if character == "\"" {
                if atFieldStart { inQuotes = true; openedOn = line; atFieldStart = false } else { innerQuote = true }
            } else if character == separator {
                atFieldStart = true
            } else if character.isNewline {
                atFieldStart = true
                line += 1
            } else if !character.isWhitespace {
                atFieldStart = false
            }
        }
        if inQuotes {
            return ImportProblem(line: openedOn, reason: LocalizedText(
                vi: "dấu ngoặc kép mở ở dòng này không bao giờ được đóng",
                en: "a quoted field opened on this line is never closed"))
        }
        return nil
    }
}
