import Foundation

/// A value bound as a statement parameter. Parameters travel in libpq's text format next to
/// the SQL, never inside it: there is no API here that splices a value into SQL text.
public protocol PostgresEncodable: Sendable {
    /// The text representation PostgreSQL's input function reads; `nil` is SQL NULL.
    var postgresText: String? { get }
}

/// A value read from a result column (text format).
public protocol PostgresDecodable {
    /// Decodes a non-NULL value.
    static func decode(postgresText text: String) -> Self?
    /// Decodes a non-NULL value from the column's UTF-8 bytes; by default through a String and
    /// `decode(postgresText:)`. Integers read the digits directly.
    static func decode(postgresUTF8 bytes: ArraySlice<UInt8>) -> Self?
    /// What a NULL decodes to; `nil` means NULL is an error for this type.
    static var postgresNull: Self? { get }
}

extension PostgresDecodable {
    public static var postgresNull: Self? { nil }

    @inlinable
    public static func decode(postgresUTF8 bytes: ArraySlice<UInt8>) -> Self? {
        decode(postgresText: String(decoding: bytes, as: UTF8.self))
    }
}

/// What `Int.init?(_: String)` accepts, read from bytes: an optional sign and ASCII digits,
/// `nil` on anything else or on overflow.
@inlinable
func parseInteger<T: FixedWidthInteger>(_ bytes: ArraySlice<UInt8>, as: T.Type) -> T? {
    var i = bytes.startIndex
    guard i < bytes.endIndex else { return nil }
    let negative = bytes[i] == UInt8(ascii: "-")
    if negative || bytes[i] == UInt8(ascii: "+") { i += 1 }
    guard i < bytes.endIndex else { return nil }
    var value: T = 0
    while i < bytes.endIndex {
        let digit = bytes[i] &- UInt8(ascii: "0")
        guard digit <= 9 else { return nil }
        let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
        let (next, o2) = negative ? shifted.subtractingReportingOverflow(T(digit)) : shifted.addingReportingOverflow(T(digit))
        guard !o1, !o2 else { return nil }
        value = next
        i += 1
    }
    return value
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public var postgresText: String? { self?.postgresText ?? nil }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public static func decode(postgresText text: String) -> Wrapped?? {
        Wrapped.decode(postgresText: text).map { .some($0) }
    }
    @inlinable
    public static func decode(postgresUTF8 bytes: ArraySlice<UInt8>) -> Wrapped?? {
        Wrapped.decode(postgresUTF8: bytes).map { .some($0) }
    }
    public static var postgresNull: Wrapped?? { .some(nil) }
}

extension String: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { self }
    public static func decode(postgresText text: String) -> String? { text }
}

extension Substring: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Int: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { String(self) }
    public static func decode(postgresText text: String) -> Int? { Int(text) }
    @inlinable
    public static func decode(postgresUTF8 bytes: ArraySlice<UInt8>) -> Int? { parseInteger(bytes, as: Int.self) }
}

extension Int64: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { String(self) }
    public static func decode(postgresText text: String) -> Int64? { Int64(text) }
    @inlinable
    public static func decode(postgresUTF8 bytes: ArraySlice<UInt8>) -> Int64? { parseInteger(bytes, as: Int64.self) }
}

extension Int32: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { String(self) }
    public static func decode(postgresText text: String) -> Int32? { Int32(text) }
    @inlinable
    public static func decode(postgresUTF8 bytes: ArraySlice<UInt8>) -> Int32? { parseInteger(bytes, as: Int32.self) }
}

extension Int16: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { String(self) }
    public static func decode(postgresText text: String) -> Int16? { Int16(text) }
    @inlinable
    public static func decode(postgresUTF8 bytes: ArraySlice<UInt8>) -> Int16? { parseInteger(bytes, as: Int16.self) }
}

extension Bool: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { self ? "t" : "f" }
    public static func decode(postgresText text: String) -> Bool? {
        switch text {
        case "t", "true", "TRUE", "on", "1": true
        case "f", "false", "FALSE", "off", "0": false
        default: nil
        }
    }
}

extension Double: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { String(self) }
    public static func decode(postgresText text: String) -> Double? { Double(text) }
}

/// `numeric` travels as its exact decimal text; `Decimal` parses it without going through binary floating point.
extension Decimal: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { NSDecimalNumber(decimal: self).description(withLocale: Locale(identifier: "en_US_POSIX")) }
    public static func decode(postgresText text: String) -> Decimal? {
        if text == "NaN" { return Decimal.nan }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}

extension UUID: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { uuidString.lowercased() }
    public static func decode(postgresText text: String) -> UUID? { UUID(uuidString: text) }
}

/// `bytea`, in hex format (`\x…`) both ways.
public struct Bytes: PostgresEncodable, PostgresDecodable, Hashable, Sendable {
    public var bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(_ data: Data) { self.bytes = Array(data) }
    public var data: Data { Data(bytes) }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    public var postgresText: String? {
        var out = [UInt8]()
        out.reserveCapacity(2 + bytes.count * 2)
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "x"))
        for byte in bytes {
            out.append(Self.hexDigits[Int(byte >> 4)])
            out.append(Self.hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(postgresText text: String) -> Bytes? {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 2, utf8[0] == UInt8(ascii: "\\"), utf8[1] == UInt8(ascii: "x"), utf8.count % 2 == 0 else {
            return nil
        }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var out = [UInt8]()
        out.reserveCapacity((utf8.count - 2) / 2)
        var index = 2
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return Bytes(out)
    }
}

/// `json` / `jsonb` as their text; `decode(as:)` turns it into a Codable value.
public struct JSONText: PostgresEncodable, PostgresDecodable, Hashable, Sendable {
    public var text: String
    public init(_ text: String) { self.text = text }

    public init<T: Encodable>(encoding value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        self.text = String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public func decode<T: Decodable>(as type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    public var postgresText: String? { text }
    public static func decode(postgresText text: String) -> JSONText? { JSONText(text) }
}

/// A calendar `date` (no time, no zone).
public struct PostgresDate: PostgresEncodable, PostgresDecodable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; only days that exist (no 2025-06-31, 29/2 only in leap years).
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]), (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
    }

    public var postgresText: String? { description }
    public static func decode(postgresText text: String) -> PostgresDate? { PostgresDate(iso: text) }

    public static func < (lhs: PostgresDate, rhs: PostgresDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// `timestamptz` ↔ `Date`. Every connection runs with `TimeZone=UTC` and `DateStyle=ISO`, so the
/// server prints `2026-12-01 18:30:26.123456+00`.
extension Date: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? {
        // Round to whole microseconds first, so a fraction like .9999997 carries into the next
        // second instead of printing as ".1000000" (which the server reads as .1).
        let total = Int64((timeIntervalSince1970 * 1_000_000).rounded())
        var whole = total / 1_000_000
        var micros = Int(total % 1_000_000)
        if micros < 0 {
            micros += 1_000_000
            whole -= 1
        }
        let days = Int(whole.floorDivided(by: 86_400)), seconds = Int(whole - Int64(days) * 86_400)
        let (year, month, day) = CivilDays.date(days)
        func pad(_ v: Int, _ n: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, n - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) \(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2)).\(pad(micros, 6))+00"
    }

    public static func decode(postgresText text: String) -> Date? {
        // YYYY-MM-DD HH:MM:SS[.ffffff](+|-)HH[:MM[:SS]]
        let utf8 = Array(text.utf8)
        guard utf8.count >= 19 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard i < utf8.count, utf8[i] >= 48, utf8[i] <= 57 else { return nil }
                value = value * 10 + Int(utf8[i] - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < utf8.count, utf8[index] >= 48, utf8[index] <= 57 {
                fraction += Double(utf8[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offsetSeconds = 0
        if index < utf8.count, utf8[index] == UInt8(ascii: "+") || utf8[index] == UInt8(ascii: "-") {
            let sign = utf8[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let h = number(index..<(index + 2)) else { return nil }
            offsetSeconds = h * 3600
            index += 2
            if index < utf8.count, utf8[index] == UInt8(ascii: ":"), let m = number((index + 1)..<(index + 3)) {
                offsetSeconds += m * 60
                index += 3
            }
            offsetSeconds *= sign
        }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        let seconds = CivilDays.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(seconds - offsetSeconds) + fraction)
    }
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar, both ways (H. Hinnant's
/// `days_from_civil`): timestamps cross the wire in UTC, and a Calendar per value cost more than
/// the rest of decoding a row. OCOPDomain's `CalendarDate.dayNumber` is the same algorithm; this
/// layer knows nothing of OCOP, so it keeps its own, pinned against the server by
/// TimestampTextTests.
enum CivilDays {
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func date(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Int64 {
    /// Division rounding toward minus infinity.
    fileprivate func floorDivided(by d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}

/// `text[]` (one-dimensional) both ways, with the array literal's quoting rules.
extension Array: PostgresEncodable where Element == String {
    public var postgresText: String? {
        var out = "{"
        for (i, element) in enumerated() {
            if i > 0 { out += "," }
            out += "\""
            for ch in element.unicodeScalars {
                if ch == "\"" || ch == "\\" { out += "\\" }
                out.unicodeScalars.append(ch)
            }
            out += "\""
        }
        return out + "}"
    }
}

extension Array: PostgresDecodable where Element == String {
    public static func decode(postgresText text: String) -> [String]? {
        let scalars = [Unicode.Scalar](text.unicodeScalars)
        guard scalars.first == "{", scalars.last == "}" else { return nil }
        var result: [String] = []
        var index = 1
        let end = scalars.count - 1
        if index == end { return [] }
        while index < end {
            var element = String.UnicodeScalarView()
            if scalars[index] == "\"" {
                index += 1
                while index < end, scalars[index] != "\"" {
                    if scalars[index] == "\\" { index += 1 }
                    guard index < end else { return nil }
                    element.append(scalars[index])
                    index += 1
                }
                index += 1  // closing quote
                result.append(String(element))
            } else {
                while index < end, scalars[index] != "," {
                    element.append(scalars[index])
                    index += 1
                }
                let value = String(element)
                if value == "NULL" { return nil }  // NULL elements are not representable as [String]
                result.append(value)
            }
            if index < end {
                guard scalars[index] == "," else { return nil }
                index += 1
            }
        }
        return result
    }
}

/// A one-dimensional integer array (`int2[]`, `int4[]`, `int8[]`) with NULL elements, both ways.
public struct PostgresIntArray: PostgresEncodable, PostgresDecodable, Hashable, Sendable {
    public var values: [Int?]
    public init(_ values: [Int?]) { self.values = values }
    public init(_ values: [Int]) { self.values = values.map { $0 } }

    public var postgresText: String? {
        "{" + values.map { $0.map(String.init) ?? "NULL" }.joined(separator: ",") + "}"
    }

    public static func decode(postgresText text: String) -> PostgresIntArray? {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { return nil }
        var values: [Int?] = []
        var i = 1
        let end = bytes.count - 1
        if i == end { return PostgresIntArray([Int?]()) }
        while i < end {
            var j = i
            while j < end, bytes[j] != UInt8(ascii: ",") { j += 1 }
            let item = bytes[i..<j]
            if item.elementsEqual("NULL".utf8) {
                values.append(nil)
            } else {
                guard let value = Int(String(decoding: item, as: UTF8.self)) else { return nil }
                values.append(value)
            }
            i = j + 1
        }
        return PostgresIntArray(values)
    }
}
