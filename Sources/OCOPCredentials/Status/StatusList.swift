import OCOPDomain

/// A W3C Bitstring Status List (Recommendation, 15 May 2025): one bit per certificate, set when
/// the certificate is revoked. Index 0 is the left-most (most significant) bit of the first byte.
/// At least 131,072 entries (16 KB), the spec's minimum for herd privacy: a verifier fetching the
/// list does not reveal which certificate it checks.
public struct StatusList: Sendable, Hashable {
    public static let minimumSize = 131_072
    /// 2 MiB of bits; also the bound on inflating a published list.
    public static let maximumSize = 16_777_216

    public private(set) var bytes: [UInt8]

    /// The number of entries.
    public var size: Int { bytes.count * 8 }

    /// An empty list (no certificate revoked) of `size` entries, a multiple of 8.
    public init(size: Int = StatusList.minimumSize) throws(CredentialError) {
        guard size % 8 == 0, (Self.minimumSize...Self.maximumSize).contains(size) else { throw .statusListSizeInvalid(size) }
        bytes = [UInt8](repeating: 0, count: size / 8)
    }

    /// The list whose bitstring is `bytes`.
    public init(bytes: [UInt8]) throws(CredentialError) {
        guard (Self.minimumSize...Self.maximumSize).contains(bytes.count * 8) else { throw .statusListSizeInvalid(bytes.count * 8) }
        self.bytes = bytes
    }

    public func isSet(_ index: Int) throws(CredentialError) -> Bool {
        guard (0..<size).contains(index) else { throw .statusIndexOutOfRange(index: index, size: size) }
        return bytes[index / 8] & (0x80 >> UInt8(index % 8)) != 0
    }

    public mutating func set(_ index: Int, to value: Bool = true) throws(CredentialError) {
        guard (0..<size).contains(index) else { throw .statusIndexOutOfRange(index: index, size: size) }
        if value {
            bytes[index / 8] |= 0x80 >> UInt8(index % 8)
        } else {
            bytes[index / 8] &= ~(0x80 >> UInt8(index % 8))
        }
    }

    /// The indexes whose bit is set, in order.
    public var setIndexes: [Int] {
        var indexes: [Int] = []
        for (offset, byte) in bytes.enumerated() where byte != 0 {
            for bit in 0..<8 where byte & (0x80 >> UInt8(bit)) != 0 { indexes.append(offset * 8 + bit) }
        }
        return indexes
    }

    /// `u` + base64url (no padding) of the GZIP-compressed bitstring, as `encodedList` holds it.
    public func encodedList() throws(CredentialError) -> String {
        Multibase.encode(try Zlib.compress(bytes, format: .gzip))
    }

    /// Reads an `encodedList`, refusing one that inflates beyond `maximumSize` bits.
    public init(encodedList: String) throws(CredentialError) {
        let compressed = try Multibase.decode(encodedList)
        let bits = try Zlib.decompress(compressed, format: .gzip, limit: Self.maximumSize / 8)
        try self.init(bytes: bits)
    }
}
