/// base64url (RFC 4648 §5) without padding, as JOSE (RFC 7515) and multibase use it.
public enum Base64URL {
    public static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = Int8(value) }
        return table
    }()

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index + 2 < bytes.count {
            let n = Int(bytes[index]) << 16 | Int(bytes[index + 1]) << 8 | Int(bytes[index + 2])
            out += [alphabet[n >> 18], alphabet[n >> 12 & 63], alphabet[n >> 6 & 63], alphabet[n & 63]]
            index += 3
        }
        switch bytes.count - index {
        case 1:
            let n = Int(bytes[index]) << 16
            out += [alphabet[n >> 18], alphabet[n >> 12 & 63]]
        case 2:
            let n = Int(bytes[index]) << 16 | Int(bytes[index + 1]) << 8
            out += [alphabet[n >> 18], alphabet[n >> 12 & 63], alphabet[n >> 6 & 63]]
        default:
            break
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes strictly: no padding, no whitespace, no `+` or `/`, a length that whole bytes can
    /// produce (not 1 modulo 4) and zero bits after the last byte.
    public static func decode(_ text: String) throws(CredentialError) -> [UInt8] {
        let digits = try digitValues(text, table: values, encoding: .base64url)
        guard digits.count % 4 != 1 else { throw .invalidLength(.base64url, length: digits.count) }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count * 3 / 4)
        var buffer = 0
        var bits = 0
        for digit in digits {
            buffer = buffer << 6 | digit
            bits += 6
            if bits >= 8 {
                out.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
                buffer &= (1 << bits) - 1
            }
        }
        guard buffer == 0 else { throw .nonCanonical(.base64url, position: digits.count - 1) }
        return out
    }
}

/// Multibase (the `u` prefix: base64url without padding), as the W3C Bitstring Status List
/// writes its `encodedList`.
public enum Multibase {
    public static func encode(_ bytes: [UInt8]) -> String { "u" + Base64URL.encode(bytes) }

    /// Accepts only the `u` (base64url, no padding) base; any other prefix is refused by name.
    public static func decode(_ text: String) throws(CredentialError) -> [UInt8] {
        guard let first = text.unicodeScalars.first else { throw .invalidLength(.multibase, length: 0) }
        guard first == "u" else { throw .unsupportedMultibase(prefix: String(first)) }
        return try Base64URL.decode(String(text.unicodeScalars.dropFirst()))
    }
}
