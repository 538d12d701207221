import Foundation
import OCOPDomain
import Testing

@Suite("Hexadecimal digests")
struct HexTests {
    @Test func twoLowerCaseDigitsPerByteAsPrintfWrites() {
        let bytes = (0...255).map(UInt8.init)
        #expect(bytes.hexString == bytes.map { String(format: "%02x", $0) }.joined())
        #expect([UInt8]().hexString == "")
        #expect(Data([0x0c, 0x0b, 0xff]).hexString == "0c0bff")
    }
}
