import Foundation
import OCOPDomain

/// JWS compact serialization (RFC 7515) with EdDSA over Ed25519 (RFC 8037), just what the status
/// list and the signed trust list need: `base64url(header).base64url(payload).base64url(signature)`.
enum CompactJWS {
    struct Header: Codable, Equatable {
        var alg: String
        var kid: String
        var typ: String?
        /// Present only to be refused: RFC 7515 §4.1.11 forbids ignoring critical extensions.
        var crit: [String]?
    }

    struct Parsed {
        var header: Header
        var payload: [UInt8]
        var signature: [UInt8]
        var signingInput: [UInt8]
    }

    /// The header is written with sorted keys and no spaces, so the same payload and key always
    /// give the same JWS.
    static func sign(payload: [UInt8], type: String, with key: IssuerKey) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let header = Array(try! encoder.encode(Header(alg: "EdDSA", kid: key.kid, typ: type)))
        let signingInput = Base64URL.encode(header) + "." + Base64URL.encode(payload)
        return signingInput + "." + Base64URL.encode(key.sign(Array(signingInput.utf8)))
    }

    static func parse(_ text: String) throws(CredentialError) -> Parsed {
        func invalid(_ vi: String, _ en: String) -> CredentialError {
            .signedDocumentInvalid(reason: LocalizedText(vi: vi, en: en))
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw invalid("cần đúng 3 phần ngăn bởi dấu chấm (có \(parts.count))", "expected exactly 3 dot-separated parts (found \(parts.count))")
        }
        let headerBytes, payload, signature: [UInt8]
        do {
            headerBytes = try Base64URL.decode(String(parts[0]))
            payload = try Base64URL.decode(String(parts[1]))
            signature = try Base64URL.decode(String(parts[2]))
        } catch {
            throw invalid("một phần không phải base64url: \(error.message(.vi))", "a part is not base64url: \(error.message(.en))")
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: Data(headerBytes)) else {
            throw invalid("phần đầu không phải JSON có \"alg\" và \"kid\"", "the header is not JSON with \"alg\" and \"kid\"")
        }
        guard header.alg == "EdDSA" else {
            throw invalid("thuật toán \"\(header.alg)\" không được chấp nhận (chỉ EdDSA)", "algorithm \"\(header.alg)\" is not accepted (EdDSA only)")
        }
        guard header.crit == nil else {
            throw invalid("phần mở rộng bắt buộc \"crit\" không được hỗ trợ", "critical extensions (\"crit\") are not supported")
        }
        guard signature.count == 64 else {
            throw invalid("chữ ký Ed25519 phải dài 64 byte (có \(signature.count))", "an Ed25519 signature is 64 bytes (found \(signature.count))")
        }
        return Parsed(header: header, payload: payload, signature: signature, signingInput: Array((parts[0] + "." + parts[1]).utf8))
    }
}
