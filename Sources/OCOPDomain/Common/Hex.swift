extension Sequence where Element == UInt8 {
    /// Lower-case hexadecimal, two digits per byte (digests, checksums). Not `String(format:)`,
    /// which costs microseconds a byte: audit verification hexes every chained row.
    public var hexString: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
