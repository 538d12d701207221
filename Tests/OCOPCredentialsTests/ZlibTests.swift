import Foundation
import OCOPCredentials
import PropertyBased
import Testing

@Suite struct ZlibTests {
    @Test func roundTripsBothFormats() async {
        await propertyCheck(count: 100, input: Gen.uint8().array(of: 0...3000)) { (bytes) throws in
            for format in [Zlib.Format.zlib, .gzip] {
                let packed = try Zlib.compress(bytes, format: format)
                #expect(try Zlib.decompress(packed, format: format, limit: bytes.count) == bytes)
            }
        }
    }

    @Test func gzipHeaderIsFixed() throws {
        let packed = try Zlib.compress(Array("OCOP".utf8), format: .gzip)
        // ID1 ID2 CM=deflate FLG=0, MTIME=0, XFL=2 (level 9), OS=255 (unknown): RFC 1952 §2.3.
        #expect(Array(packed.prefix(10)) == [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x02, 0xFF])
        #expect(try Zlib.compress(Array("OCOP".utf8), format: .gzip) == packed)
    }

    @Test func theSystemGzipReadsOurOutput() throws {
        let original = Array((0..<20_000).map { UInt8(truncatingIfNeeded: $0 * 7 / 13) })
        let inflated = try runGunzip(try Zlib.compress(original, format: .gzip))
        #expect(inflated == original)
    }

    @Test func inflationIsBounded() throws {
        let bomb = try Zlib.compress([UInt8](repeating: 0, count: 4_000_000), format: .gzip)
        #expect(bomb.count < 5000)
        #expect(throws: CredentialError.inflatedSizeExceeded(limit: 100_000)) {
            try Zlib.decompress(bomb, format: .gzip, limit: 100_000)
        }
        #expect(try Zlib.decompress(bomb, format: .gzip, limit: 4_000_000).count == 4_000_000)
    }

    @Test func damageIsRefusedByKind() throws {
        let packed = try Zlib.compress(Array("Hợp tác xã Nông nghiệp Cầu Đất".utf8), format: .zlib)
        #expect(throws: CredentialError.corruptCompressedData(.truncated)) {
            try Zlib.decompress(Array(packed.dropLast(3)), format: .zlib, limit: 1000)
        }
        #expect(throws: CredentialError.corruptCompressedData(.trailingBytes(2))) {
            try Zlib.decompress(packed + [0, 0], format: .zlib, limit: 1000)
        }
        var badChecksum = packed
        badChecksum[badChecksum.count - 1] ^= 1
        #expect(throws: CredentialError.corruptCompressedData(.invalidData)) {
            try Zlib.decompress(badChecksum, format: .zlib, limit: 1000)
        }
        #expect(throws: CredentialError.corruptCompressedData(.invalidData)) {
            try Zlib.decompress(packed, format: .gzip, limit: 1000)
        }
    }

    @Test func aPresetDictionaryIsNeededToInflate() throws {
        let text = Array("Ủy ban nhân dân tỉnh Lâm Đồng|KT. CHỦ TỊCH|PHÓ CHỦ TỊCH".utf8)
        let plain = try Zlib.compress(text, format: .zlib)
        let primed = try Zlib.compress(text, format: .zlib, dictionary: PayloadDictionary.bytes)
        #expect(primed.count < plain.count)
        #expect(try Zlib.decompress(primed, format: .zlib, limit: 1000, dictionary: PayloadDictionary.bytes) == text)
        #expect(throws: CredentialError.corruptCompressedData(.unknownDictionary)) {
            try Zlib.decompress(primed, format: .zlib, limit: 1000)
        }
        #expect(throws: CredentialError.corruptCompressedData(.unknownDictionary)) {
            try Zlib.decompress(primed, format: .zlib, limit: 1000, dictionary: Array("khác".utf8))
        }
    }
}

/// Runs `gzip -dc` on `bytes` and returns what it writes.
func runGunzip(_ bytes: [UInt8]) throws -> [UInt8] {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-gzip-\(UUID().uuidString).gz")
    try Data(bytes).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-dc", file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return Array(output)
}
