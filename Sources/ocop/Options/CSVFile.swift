import Foundation
import OCOPDomain
import OCOPStore
import SwiftCSV

/// Reads a CSV file (UTF-8, comma-separated, header row) into records with physical line numbers.
enum CSVFile {
    static func read(_ path: String, language: Language) throws -> (header: [String], records: [ImportRecord]) {
        let vi = language == .vi
        guard FileManager.default.fileExists(atPath: path) else {
            throw UserFacingError(vi ? "Không tìm thấy tệp \(path)." : "File not found: \(path).", code: ExitStatus.noInput)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserFacingError(vi ? "Không đọc được tệp \(path)." : "Cannot read \(path).", code: ExitStatus.noInput)
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw UserFacingError(vi ? "Tệp \(path) không phải UTF-8. Hãy lưu lại dưới dạng CSV UTF-8." : "\(path) is not UTF-8. Save it as CSV UTF-8.", code: ExitStatus.dataError)
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }  // Excel's byte-order mark
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw UserFacingError(vi ? "Tệp \(path) trống." : "\(path) is empty.", code: ExitStatus.dataError)
        }
        let csv: CSV<Enumerated>
        do {
            csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
        } catch let error as CSVParseError {
            let detail: String = switch error {
            case let .generic(message), let .quotation(message): message
            }
            throw UserFacingError((vi ? "Tệp \(path) không phải CSV hợp lệ: " : "\(path) is not valid CSV: ") + detail, code: ExitStatus.dataError)
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var records: [ImportRecord] = []
        var line = 2
        var problems: [ImportProblem] = []
        for row in csv.rows {
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
}
