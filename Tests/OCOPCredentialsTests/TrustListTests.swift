import Foundation
import OCOPCredentials
import OCOPDomain
import Testing

@Suite struct TrustListTests {
    @Test func roundTripsThroughJSON() throws {
        let json = trustList.encoded()
        let decoded = try TrustList.decode(json: json)
        #expect(decoded == trustList)
        #expect(decoded.encoded() == json)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"format\" : \"ocop-trust-list/1\""))
        #expect(text.contains("\"kind\" : \"ministry\""))
        #expect(text.contains("\"statusList\" : \"https://ocop.tphcm.gov.vn/status/79.jwt\""))
    }

    @Test func findsKeysByKid() throws {
        let found = try #require(trustList.key(kid: secondProvinceKey.kid))
        #expect(found.issuer.code == code("68"))
        #expect(found.key.publicKey == secondProvinceKey.publicKey.base64url)
        #expect(trustList.key(kid: "79-AAAAAAAA") == nil)
        #expect(trustList.issuer(code("BNNMT"))?.kind == .ministry)
    }

    @Test func keyServiceWindowIsInclusive() {
        let key = TrustedKey(provinceKey.publicKey, validFrom: date("2026-01-01"), validUntil: date("2027-12-31"))
        #expect(!key.isInService(on: date("2025-12-31")))
        #expect(key.isInService(on: date("2026-01-01")))
        #expect(key.isInService(on: date("2027-12-31")))
        #expect(!key.isInService(on: date("2028-01-01")))
        var retired = key
        retired.retired = date("2027-06-01")
        #expect(retired.isInService(on: date("2027-05-31")))
        #expect(!retired.isInService(on: date("2027-06-01")))
    }

    @Test func refusesInconsistentLists() throws {
        func refused(_ change: (inout TrustList) -> Void) -> Bool {
            var list = trustList
            change(&list)
            do {
                _ = try TrustList.decode(json: list.encoded())
                return false
            } catch {
                if case .trustListInvalid = error { return true }
                return false
            }
        }
        #expect(refused { $0.issuers[1].keys[0].kid = "68-AAAAAAAA" })
        #expect(refused { $0.issuers[1].keys[0].kid = provinceKey.kid })  // duplicate kid
        #expect(refused { $0.issuers[1].keys[0].publicKey = provinceKey.publicKey.base64url })  // 24's key under 68
        #expect(refused { $0.issuers[1].keys[0].publicKey = "AAAA" })
        #expect(refused { $0.issuers[1].keys[0].alg = "ES256" })
        #expect(refused { $0.issuers[1].keys[0].validUntil = date("2025-01-01") })
        #expect(refused { $0.issuers.append($0.issuers[0]) })
        #expect(refused { $0.issuers[0].name = " " })
        #expect(refused { $0.format = "ocop-trust-list/2" })
        #expect(throws: CredentialError.self) { try TrustList.decode(json: Array("{\"issuers\": 3}".utf8)) }
    }

    @Test func aSignedListVerifiesAgainstItsAnchorOnly() throws {
        let jws = try trustList.signed(with: ministryKey)
        #expect(try TrustList.verifySigned(jws, anchors: [ministryKey.publicKey]) == trustList)
        #expect(throws: CredentialError.unknownKey(kid: ministryKey.kid)) {
            try TrustList.verifySigned(jws, anchors: [provinceKey.publicKey])
        }
        // Another payload under the same header and signature.
        var parts = jws.split(separator: ".").map(String.init)
        var altered = trustList
        altered.issuers[0].name = "Ủy ban nhân dân tỉnh Giả"
        parts[1] = Base64URL.encode(altered.encoded())
        #expect(throws: CredentialError.badSignature(kid: ministryKey.kid)) {
            try TrustList.verifySigned(parts.joined(separator: "."), anchors: [ministryKey.publicKey])
        }
    }
}
