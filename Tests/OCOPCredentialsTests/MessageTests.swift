import Foundation
import OCOPCredentials
import OCOPDomain
import Testing

@Suite struct CredentialErrorMessageTests {
    static let reason = LocalizedText(vi: "lý do", en: "reason")
    static let errors: [CredentialError] = [
        .invalidCharacter(.base45, character: "a", position: 0), .invalidLength(.base32, length: 3),
        .nonCanonical(.base64url, position: 1), .unsupportedMultibase(prefix: "z"),
        .compressionFailed(code: -2), .corruptCompressedData(.truncated), .corruptCompressedData(.invalidData),
        .corruptCompressedData(.unknownDictionary), .corruptCompressedData(.trailingBytes(2)),
        .inflatedSizeExceeded(limit: 10), .invalidIssuerCode("x"), .invalidPublicKey(reason: reason), .invalidPrivateKey,
        .keyFileExists(path: "/k"), .keyFileNotFound(path: "/k"), .keyFileNotRegular(path: "/k"),
        .keyFilePermissions(path: "/k", mode: 0o644), .keyFileIO(path: "/k", operation: .write, errno: EACCES),
        .keyFileIO(path: "/k", operation: .read, errno: EACCES),
        .keyFileInvalid(path: "/k", reason: reason), .trustListInvalid(reason: reason),
        .fieldInvalid(.producerName, value: "", reason: reason), .fieldTooLong(.productName, length: 50, limit: 40),
        .payloadTooLarge(form: .compact, characters: 800, capacity: 702),
        .payloadTooLarge(form: .url(prefix: "HTTPS://X/"), characters: 800, capacity: 702),
        .verificationAddressInvalid("x", reason: reason), .notAnOCOPPayload, .unsupportedPayloadVersion(2),
        .malformedPayload(reason: reason), .unknownKey(kid: "79-AAAAAAAA"),
        .keyIssuerMismatch(kid: "79-AAAAAAAA", keyIssuer: "68", claimedIssuer: "79"),
        .keyNotValidOnDate(kid: "79-AAAAAAAA", date: date("2026-08-05")), .badSignature(kid: "79-AAAAAAAA"),
        .statusListSizeInvalid(8), .statusIndexOutOfRange(index: 9, size: 8), .statusListInvalid(reason: reason),
        .statusListIssuerMismatch(listIssuer: "68", certificateIssuer: "79"), .signedDocumentInvalid(reason: reason),
    ]

    @Test func everyErrorSpeaksBothLanguages() {
        var seen: Set<String> = []
        for error in Self.errors {
            let vi = error.message(.vi)
            let en = error.message(.en)
            #expect(!vi.isEmpty && !en.isEmpty && vi != en, "\(error)")
            #expect(seen.insert(en).inserted, "two errors say: \(en)")
            #expect(ErrorKind.allCases.contains(error.kind))
        }
    }

    @Test func verificationFailuresNameWhatIsWrong() {
        #expect(CredentialError.badSignature(kid: "79-AAAAAAAA").message(.vi).contains("bị sửa hoặc giấy là giả"))
        #expect(CredentialError.unknownKey(kid: "79-AAAAAAAA").message(.en).contains("79-AAAAAAAA"))
        #expect(CredentialError.keyNotValidOnDate(kid: "k", date: date("2026-08-05")).message(.vi).contains("05/08/2026"))
        #expect(CredentialError.fieldTooLong(.producerName, length: 50, limit: 48).message(.vi).hasPrefix("Chủ thể sản xuất dài 50 ký tự, tối đa 48"))
    }
}
