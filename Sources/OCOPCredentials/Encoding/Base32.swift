/// Base32 (RFC 4648 §6): upper-case letters and the digits 2–7, written here without `=` padding.
/// Every character is in the QR alphanumeric set and in the set a URL path may carry as is, which
/// makes it the encoding of the phone-camera URL form (8.8 bits per byte in alphanumeric mode).
public enum Base32 {
    public static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = Int8(value) }
        return table
    }()

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(encodedLength(of: bytes.count))
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8 | Int(byte)) & 0xFFFF
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The number of characters `encode` produces for `byteCount` bytes: ⌈8n/5⌉.
    public static func encodedLength(of byteCount: Int) -> Int { (byteCount * 8 + 4) / 5 }

    /// Decodes strictly: upper case only, no padding, a length that whole bytes can produce
    /// (not 1, 3 or 6 modulo 8) and zero bits after the last byte, so each byte string has
    /// exactly one encoding.
    public static func decode(_ text: String) throws(CredentialError) -> [UInt8] {
        let digits = try digitValues(text, table: values, encoding: .base32)
        guard ![1, 3, 6].contains(digits.count % 8) else { throw .invalidLength(.base32, length: digits.count) }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count * 5 / 8)
        var buffer = 0
        var bits = 0
        for digit in digits {
            buffer = buffer << 5 | digit
            bits += 5
            if bits >= 8 {
                out.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
                buffer &= (1 << bits) - 1
            }
        }
        guard buffer == 0 else { throw .nonCanonical(.base32, position: digits.count - 1) }
        return out
    }
}
