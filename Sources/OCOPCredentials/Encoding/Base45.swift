/// Base45 (RFC 9285): two bytes become three characters of the QR alphanumeric set, so a QR code
/// can hold binary data in its dense alphanumeric mode (8.25 bits per byte).
public enum Base45 {
    /// The 45 characters of the QR alphanumeric mode, in RFC 9285 order.
    public static let alphabet: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = Int8(value) }
        return table
    }()

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 2 * 3 + 2)
        var index = 0
        while index + 1 < bytes.count {
            let n = Int(bytes[index]) << 8 | Int(bytes[index + 1])
            out += [alphabet[n % 45], alphabet[n / 45 % 45], alphabet[n / 2025]]
            index += 2
        }
        if index < bytes.count {
            let n = Int(bytes[index])
            out += [alphabet[n % 45], alphabet[n / 45]]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The number of characters `encode` produces for `byteCount` bytes.
    public static func encodedLength(of byteCount: Int) -> Int { byteCount / 2 * 3 + (byteCount % 2) * 2 }

    /// Decodes strictly: every character must be in the alphabet, the length must not leave a
    /// single character over, and every group must fit its bytes (a triple ≤ 65535, a final
    /// pair ≤ 255), so each byte string has exactly one encoding.
    public static func decode(_ text: String) throws(CredentialError) -> [UInt8] {
        let digits = try digitValues(text, table: values, encoding: .base45)
        guard digits.count % 3 != 1 else { throw .invalidLength(.base45, length: digits.count) }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 3 * 2 + 1)
        var index = 0
        while index + 2 < digits.count {
            let n = digits[index] + digits[index + 1] * 45 + digits[index + 2] * 2025
            guard n <= 0xFFFF else { throw .nonCanonical(.base45, position: index) }
            out += [UInt8(n >> 8), UInt8(n & 0xFF)]
            index += 3
        }
        if index < digits.count {
            let n = digits[index] + digits[index + 1] * 45
            guard n <= 0xFF else { throw .nonCanonical(.base45, position: index) }
            out.append(UInt8(n))
        }
        return out
    }
}

/// The value of each character of `text` in an alphabet (`table[ascii]`, -1 outside it);
/// the first character outside it is reported with its position (0-based, in characters).
func digitValues(_ text: String, table: [Int8], encoding: TextEncodingKind) throws(CredentialError) -> [Int] {
    var digits: [Int] = []
    digits.reserveCapacity(text.utf8.count)
    for (position, scalar) in text.unicodeScalars.enumerated() {
        guard scalar.isASCII, table[Int(scalar.value)] >= 0 else {
            throw .invalidCharacter(encoding, character: String(scalar), position: position)
        }
        digits.append(Int(table[Int(scalar.value)]))
    }
    return digits
}
