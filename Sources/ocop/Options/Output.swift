import ArgumentParser
import Foundation
import OCOPDomain

/// Renders lists and records as an aligned table, CSV or JSON.
enum Output {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func warn(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Column widths count characters (grapheme clusters): NFC Vietnamese is one per letter.
    static func table(headers: [String], rows: [[String]]) -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[i] - cell.count))
            }.joined(separator: "  ")
        }
        var out = [line(headers), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        return out.joined(separator: "\n")
    }

    static func csv(headers: [String], rows: [[String]]) -> String {
        func quote(_ cell: String) -> String {
            if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
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
    static func list<T: Encodable>(_ items: [T], format: OutputFormat, headers: [String], row: (T) -> [String]) -> String {
        switch format {
        case .json: json(items)
        case .csv: csv(headers: headers, rows: items.map(row))
        case .table, .text: table(headers: headers, rows: items.map(row))
        }
    }

    /// Key/value lines for `show`.
    static func record(_ pairs: [(String, String)]) -> String {
        let width = pairs.map(\.0.count).max() ?? 0
        return pairs.map { key, value in key + ":" + String(repeating: " ", count: width - key.count + 1) + value }.joined(separator: "\n")
    }

    static func date(_ date: Date, _ language: Language) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        switch language {
        case .vi: return "\(pad(c.hour!)):\(pad(c.minute!)) ngày \(pad(c.day!))/\(pad(c.month!))/\(c.year!)"
        case .en: return "\(c.year!)-\(pad(c.month!))-\(pad(c.day!)) \(pad(c.hour!)):\(pad(c.minute!)) (UTC+7)"
        }
    }
}

/// Runs a command body and turns any error into a message and an exit code.
func runReporting(_ language: Language, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch {
        throw report(error, language: language)
    }
}
