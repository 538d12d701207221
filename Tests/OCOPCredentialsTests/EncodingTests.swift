import OCOPCredentials
import PropertyBased
import Testing

@Suite struct Base45Tests {
    @Test(arguments: [("AB", "BB8"), ("Hello!!", "%69 VD92EX0"), ("base-45", "UJCLQE7W581"), ("ietf!", "QED8WEX0")])
    func rfc9285Vectors(text: String, encoded: String) throws {
        #expect(Base45.encode(Array(text.utf8)) == encoded)
        #expect(try Base45.decode(encoded) == Array(text.utf8))
    }

    @Test func emptyAndSingleByte() throws {
        #expect(Base45.encode([]) == "")
        #expect(try Base45.decode("") == [])
        #expect(Base45.encode([0xFF]) == "U5")  // 255 = 30 + 5 × 45
        #expect(Base45.encodedLength(of: 7) == Base45.encode([UInt8](repeating: 1, count: 7)).count)
    }

    @Test func malformedTextIsRefusedByReason() {
        #expect(throws: CredentialError.invalidCharacter(.base45, character: "a", position: 1)) { try Base45.decode("Ba8") }
        #expect(throws: CredentialError.invalidCharacter(.base45, character: "Đ", position: 0)) { try Base45.decode("Đ12") }
        #expect(throws: CredentialError.invalidLength(.base45, length: 4)) { try Base45.decode("BB8B") }
        // "GGW" is 16 + 16·45 + 32·2025 = 65536, one more than two bytes hold (RFC 9285 §4.4).
        #expect(throws: CredentialError.nonCanonical(.base45, position: 0)) { try Base45.decode("GGW") }
        #expect(throws: CredentialError.nonCanonical(.base45, position: 3)) { try Base45.decode("BB8::") }
    }

    @Test func roundTripsAnyBytes() async {
        await propertyCheck(count: 300, input: Gen.uint8().array(of: 0...200)) { (bytes) throws in
            #expect(try Base45.decode(Base45.encode(bytes)) == bytes)
        }
    }

    /// Decoding any text either fails with a typed error or gives bytes that encode back to the
    /// very same text: each byte string has one encoding.
    @Test func decodingIsCanonical() async {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:a")
        await propertyCheck(count: 500, input: Gen.int(in: 0..<alphabet.count).array(of: 0...40)) { (picks) throws in
            let text = String(picks.map { alphabet[$0] })
            do {
                #expect(Base45.encode(try Base45.decode(text)) == text)
            } catch let error as CredentialError {
                #expect(!error.message(.vi).isEmpty)
            }
        }
    }
}

@Suite struct Base32Tests {
    // RFC 4648 §10, without the padding.
    @Test(arguments: [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"),
                      ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")])
    func rfc4648Vectors(text: String, encoded: String) throws {
        #expect(Base32.encode(Array(text.utf8)) == encoded)
        #expect(try Base32.decode(encoded) == Array(text.utf8))
        #expect(Base32.encodedLength(of: text.utf8.count) == encoded.count)
    }

    @Test func malformedTextIsRefusedByReason() {
        #expect(throws: CredentialError.invalidCharacter(.base32, character: "=", position: 2)) { try Base32.decode("MY======") }
        #expect(throws: CredentialError.invalidCharacter(.base32, character: "y", position: 1)) { try Base32.decode("My") }
        #expect(throws: CredentialError.invalidCharacter(.base32, character: "1", position: 0)) { try Base32.decode("1A") }
        #expect(throws: CredentialError.invalidLength(.base32, length: 3)) { try Base32.decode("MZX") }
        // "MZ" carries the bits of "f" plus two set bits that no byte string produces.
        #expect(throws: CredentialError.nonCanonical(.base32, position: 1)) { try Base32.decode("MZ") }
    }

    @Test func roundTripsAnyBytes() async {
        await propertyCheck(count: 300, input: Gen.uint8().array(of: 0...200)) { (bytes) throws in
            let text = Base32.encode(bytes)
            #expect(try Base32.decode(text) == bytes)
            #expect(QRCapacity.isAlphanumeric(text))
        }
    }

    @Test func decodingIsCanonical() async {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ2345670=a")
        await propertyCheck(count: 500, input: Gen.int(in: 0..<alphabet.count).array(of: 0...30)) { (picks) throws in
            let text = String(picks.map { alphabet[$0] })
            if let bytes = try? Base32.decode(text) { #expect(Base32.encode(bytes) == text) }
        }
    }
}

@Suite struct Base64URLTests {
    // RFC 4648 §10 (base64 and base64url agree on these), without the padding.
    @Test(arguments: [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"),
                      ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")])
    func rfc4648Vectors(text: String, encoded: String) throws {
        #expect(Base64URL.encode(Array(text.utf8)) == encoded)
        #expect(try Base64URL.decode(encoded) == Array(text.utf8))
    }

    @Test func usesTheURLSafeAlphabet() throws {
        #expect(Base64URL.encode([0xFB, 0xFF, 0xBF]) == "-_-_")
        #expect(try Base64URL.decode("-_-_") == [0xFB, 0xFF, 0xBF])
        #expect(throws: CredentialError.invalidCharacter(.base64url, character: "+", position: 0)) { try Base64URL.decode("+/+/") }
        #expect(throws: CredentialError.invalidCharacter(.base64url, character: "=", position: 2)) { try Base64URL.decode("Zg==") }
        #expect(throws: CredentialError.invalidLength(.base64url, length: 5)) { try Base64URL.decode("Zm9vY") }
        #expect(throws: CredentialError.nonCanonical(.base64url, position: 1)) { try Base64URL.decode("Zh") }
    }

    @Test func roundTripsAnyBytes() async {
        await propertyCheck(count: 300, input: Gen.uint8().array(of: 0...200)) { (bytes) throws in
            #expect(try Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
    }

    @Test func multibaseUsesTheUPrefixOnly() throws {
        #expect(Multibase.encode(Array("foobar".utf8)) == "uZm9vYmFy")
        #expect(try Multibase.decode("uZm9vYmFy") == Array("foobar".utf8))
        #expect(throws: CredentialError.unsupportedMultibase(prefix: "z")) { try Multibase.decode("zZm9v") }
        #expect(throws: CredentialError.invalidLength(.multibase, length: 0)) { try Multibase.decode("") }
    }
}
