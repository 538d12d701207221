import Foundation
import OCOPDomain

/// Writes lists and records as an aligned table, CSV or JSON; text shown on a terminal never
/// carries control characters from stored data, and CSV cells never start a formula.
enum Output {
    /// Writes to standard output; on a terminal every format (CSV and Markdown too) is made
    /// terminal-safe, while a file or a pipe gets the data as stored.
    static func write(_ text: String) {
        let shown = isatty(STDOUT_FILENO) == 1 ? terminalSafe(text) : text
        FileHandle.standardOutput.write(Data((shown.hasSuffix("\n") ? shown : shown + "\n").utf8))
    }

    static func warn(_ text: String) {
        FileHandle.standardError.write(Data((terminalSafe(text) + "\n").utf8))
    }

    /// Control characters (ANSI escapes, BEL, NUL…) shown escaped, so stored text cannot drive the
    /// terminal; newlines and tabs kept.
    static func terminalSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 10, 9: return false
        // Bidirectional overrides and isolates reorder what is shown (a "Trojan Source" trick).
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return scalar.properties.generalCategory == .control
        }
    }

    /// Column widths count characters (grapheme clusters): NFC Vietnamese is one per letter.
    static func table(headers: [String], rows: [[String]]) -> String {
        let rows = rows.map { $0.map { terminalSafe($0).replacingOccurrences(of: "\n", with: " ") } }
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            let text = cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[i] - cell.count))
            }.joined(separator: "  ")
            // No trailing blanks when the last cells are empty.
            return String(text.reversed().drop { $0 == " " }.reversed())
        }
        var out = [line(headers), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        return out.joined(separator: "\n")
    }

    /// RFC 4180 CSV. A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at
    /// its start) gets a leading apostrophe (OWASP's CSV-injection advice).
    static func csv(headers: [String], rows: [[String]]) -> String {
        func quote(_ cell: String) -> String {
            var cell = cell
            if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { cell = "'" + cell }
            if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return cell
        }
        return ([headers] + rows).map { $0.map(quote).joined(separator: ",") }.joined(separator: "\n")
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    /// One list in the chosen format (`text` is treated as `table`).
    static func list<T: Encodable>(_ items: [T], format: OutputFormat, headers: [String], row: (T) -> [String]) throws -> String {
        switch format {
        case .json: return json(items)
        case .csv: return csv(headers: headers, rows: items.map(row))
        case .table, .text: return table(headers: headers, rows: items.map(row))
        case .markdown: try require(format, in: [.table, .json, .csv]); return ""
        }
    }

    /// Key/value lines for `show`.
    static func record(_ pairs: [(String, String)]) -> String {
        let width = pairs.map(\.0.count).max() ?? 0
        return pairs.map { key, value in key + ":" + String(repeating: " ", count: width - key.count + 1) + terminalSafe(value) }.joined(separator: "\n")
    }

    /// A moment in Vietnam time: `14:05 ngày 10/11/2026` or `2026-11-10 14:05 (UTC+7)`.
    static func date(_ date: Date, _ language: Language) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + 7 * 3600
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let day = CalendarDate(dayNumber: days)
        let minuteOfDay = (seconds - days * 86400) / 60
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let time = "\(pad(minuteOfDay / 60)):\(pad(minuteOfDay % 60))"
        return language == .vi ? "\(time) ngày \(day.vietnameseNumeric)" : "\(day.iso) \(time) (UTC+7)"
    }
}
