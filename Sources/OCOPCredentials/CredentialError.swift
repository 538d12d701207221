#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OCOPDomain

/// The text encodings of this target, named in errors.
public enum TextEncodingKind: String, Sendable, Hashable {
    case base45 = "Base45"
    case base32 = "Base32"
    case base64url = "base64url"
    case multibase = "multibase"
}

/// What is wrong with a compressed stream.
public enum CompressionDamage: Sendable, Hashable {
    case truncated
    case invalidData
    case unknownDictionary
    case trailingBytes(Int)
}

/// What was being done to a key file when the system refused.
public enum KeyFileOperation: String, Sendable, Hashable {
    case read
    case write
}

/// The two text forms of a certificate's QR code.
public enum CertificateQRForm: Sendable, Hashable {
    /// `OC1:` + Base45, read by the verifier application.
    case compact
    /// An upper-case `HTTPS://…/` address + Base32, which a phone camera opens as a link.
    case url(prefix: String)
}

/// Every failure of the credentials library, phrased for the person who must act on it.
/// Verification failures have one case per reason, so a verifier can tell a forgery (bad
/// signature) from an unknown issuer key or a damaged print.
public enum CredentialError: LocalizedFailure, Hashable {
    // Text encodings
    case invalidCharacter(TextEncodingKind, character: String, position: Int)
    case invalidLength(TextEncodingKind, length: Int)
    /// Two encodings of one byte string are refused; `position` is the character where the
    /// impossible value starts.
    case nonCanonical(TextEncodingKind, position: Int)
    case unsupportedMultibase(prefix: String)

    // Compression
    case compressionFailed(code: Int)
    case corruptCompressedData(CompressionDamage)
    case inflatedSizeExceeded(limit: Int)

    // Issuers and keys
    case invalidIssuerCode(String)
    case invalidPublicKey(reason: LocalizedText)
    case invalidPrivateKey

    // Key files
    case keyFileExists(path: String)
    case keyFileNotFound(path: String)
    case keyFileNotRegular(path: String)
    /// Group or others may read the private key (like ssh, the key is refused).
    case keyFilePermissions(path: String, mode: Int)
    case keyFileIO(path: String, operation: KeyFileOperation, errno: Int32)
    case keyFileInvalid(path: String, reason: LocalizedText)

    // Trust list
    case trustListInvalid(reason: LocalizedText)

    // Certificate payload (issuing)
    case fieldInvalid(CertificateField, value: String, reason: LocalizedText)
    case fieldTooLong(CertificateField, length: Int, limit: Int)
    case payloadTooLarge(form: CertificateQRForm, characters: Int, capacity: Int)
    case verificationAddressInvalid(String, reason: LocalizedText)

    // Verification of a certificate
    /// The text is not an OCOP certificate code at all (another QR, a web address without a payload).
    case notAnOCOPPayload
    case unsupportedPayloadVersion(Int)
    /// The text looks like an OCOP code but does not decode: a damaged print or a mis-scan.
    case malformedPayload(reason: LocalizedText)
    /// No key with this kid in the trust list: a foreign key, or a trust list that is out of date.
    case unknownKey(kid: String)
    /// The key is in the trust list, but under another issuer than the payload names.
    case keyIssuerMismatch(kid: String, keyIssuer: String, claimedIssuer: String)
    /// The key was not in service on the date the payload says it was issued.
    case keyNotValidOnDate(kid: String, date: CalendarDate)
    /// The signature does not match the content: something was altered, or it was never signed.
    case badSignature(kid: String)

    // Status lists
    case statusListSizeInvalid(Int)
    case statusIndexOutOfRange(index: Int, size: Int)
    case statusListInvalid(reason: LocalizedText)
    case statusListIssuerMismatch(listIssuer: String, certificateIssuer: String)
    case signedDocumentInvalid(reason: LocalizedText)

    public func message(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case let .invalidCharacter(encoding, character, position):
            return vi
                ? "Ký tự \"\(character)\" ở vị trí \(position + 1) không thuộc bảng mã \(encoding.rawValue)."
                : "Character \"\(character)\" at position \(position + 1) is not in the \(encoding.rawValue) alphabet."
        case let .invalidLength(encoding, length):
            return vi
                ? "Độ dài \(length) ký tự không phải độ dài hợp lệ của chuỗi \(encoding.rawValue)."
                : "A length of \(length) characters is not a valid \(encoding.rawValue) length."
        case let .nonCanonical(encoding, position):
            return vi
                ? "Chuỗi \(encoding.rawValue) sai từ vị trí \(position + 1): giá trị vượt quá dữ liệu có thể mã hóa."
                : "The \(encoding.rawValue) text is wrong from position \(position + 1): a value no data can produce."
        case let .unsupportedMultibase(prefix):
            return vi
                ? "Tiền tố multibase \"\(prefix)\" không được hỗ trợ (chỉ dùng \"u\": base64url không đệm)."
                : "Multibase prefix \"\(prefix)\" is not supported (only \"u\": base64url without padding)."
        case let .compressionFailed(code):
            return vi ? "Thư viện zlib báo lỗi \(code)." : "zlib failed with code \(code)."
        case let .corruptCompressedData(damage):
            switch damage {
            case .truncated:
                return vi ? "Dữ liệu nén bị cắt cụt." : "The compressed data is truncated."
            case .invalidData:
                return vi ? "Dữ liệu nén bị hỏng (sai cấu trúc hoặc sai tổng kiểm tra)." : "The compressed data is corrupt (bad structure or checksum)."
            case .unknownDictionary:
                return vi ? "Dữ liệu nén cần một từ điển không đúng với định dạng." : "The compressed data needs a dictionary other than the format's."
            case let .trailingBytes(count):
                return vi ? "Có \(count) byte thừa sau dữ liệu nén." : "\(englishCount(count, "stray byte")) \(count == 1 ? "follows" : "follow") the compressed data."
            }
        case let .inflatedSizeExceeded(limit):
            return vi
                ? "Dữ liệu giải nén vượt quá \(limit) byte: từ chối (có thể là dữ liệu độc hại)."
                : "Decompressed data exceeds \(limit) bytes: refused (possibly hostile input)."
        case let .invalidIssuerCode(code):
            return vi
                ? "Mã cơ quan cấp \"\(code)\" không hợp lệ: cần 1–8 chữ in hoa A–Z hoặc chữ số (ví dụ \"24\", \"BNNMT\")."
                : "Issuer code \"\(code)\" is invalid: use 1–8 upper-case letters A–Z or digits (e.g. \"24\", \"BNNMT\")."
        case let .invalidPublicKey(reason):
            return (vi ? "Khóa công khai không hợp lệ: " : "Invalid public key: ") + reason(language)
        case .invalidPrivateKey:
            return vi ? "Khóa bí mật Ed25519 phải dài đúng 32 byte." : "An Ed25519 private key must be exactly 32 bytes."
        case let .keyFileExists(path):
            return vi
                ? "Tệp khóa \(path) đã tồn tại: không ghi đè khóa bí mật. Chọn tên khác hoặc tự xóa tệp cũ."
                : "Key file \(path) already exists: a private key is never overwritten. Choose another name or remove the old file yourself."
        case let .keyFileNotFound(path):
            return vi ? "Không tìm thấy tệp khóa \(path)." : "Key file \(path) not found."
        case let .keyFileNotRegular(path):
            return vi ? "\(path) không phải là một tệp thường." : "\(path) is not a regular file."
        case let .keyFilePermissions(path, mode):
            let octal = "0" + String(mode & 0o777, radix: 8)
            return vi
                ? "Quyền \(octal) của tệp khóa bí mật \(path) quá rộng: nhóm hoặc người khác có thể đọc. Khóa bị từ chối; chỉ chủ sở hữu được đọc (chmod 600 \(path))."
                : "Permissions \(octal) for private key file \(path) are too open: group or others can read it. The key is refused; it must be readable only by its owner (chmod 600 \(path))."
        case let .keyFileIO(path, operation, code):
            let reason = String(cString: strerror(code))
            return vi
                ? "Không \(operation == .read ? "đọc" : "ghi") được tệp khóa \(path): \(reason)."
                : "Cannot \(operation.rawValue) key file \(path): \(reason)."
        case let .keyFileInvalid(path, reason):
            return (vi ? "Tệp khóa \(path) không hợp lệ: " : "Key file \(path) is invalid: ") + reason(language)
        case let .trustListInvalid(reason):
            return (vi ? "Danh sách tin cậy không hợp lệ: " : "Invalid trust list: ") + reason(language)
        case let .fieldInvalid(field, value, reason):
            return vi
                ? "\(field.label.vi) \"\(value)\" không dùng được trên giấy chứng nhận: \(reason.vi)"
                : "\(field.label.en) \"\(value)\" cannot go on the certificate: \(reason.en)"
        case let .fieldTooLong(field, length, limit):
            return vi
                ? "\(field.label.vi) dài \(length) ký tự, tối đa \(limit) để mã QR của giấy chứng nhận chắc chắn vừa khổ in."
                : "\(field.label.en) is \(length) characters; at most \(limit) keep the certificate's QR code sure to fit its printed size."
        case let .payloadTooLarge(form, characters, capacity):
            let name = form == .compact ? (vi ? "dạng OC1" : "OC1 form") : (vi ? "dạng địa chỉ web" : "web address form")
            return vi
                ? "Mã QR (\(name)) dài \(characters) ký tự, vượt sức chứa \(capacity) ký tự của phiên bản 20 mức sửa lỗi Q. Rút gọn các trường dài nhất (tên chủ thể, địa chỉ, tên sản phẩm)."
                : "The QR code (\(name)) is \(characters) characters, over the \(capacity) that version 20 at level Q holds. Shorten the longest fields (producer, address, product name)."
        case let .verificationAddressInvalid(address, reason):
            return (vi ? "Địa chỉ xác minh \"\(address)\" không hợp lệ: " : "Verification address \"\(address)\" is invalid: ") + reason(language)
        case .notAnOCOPPayload:
            return vi
                ? "Đây không phải mã QR của giấy chứng nhận OCOP."
                : "This is not the QR code of an OCOP certificate."
        case let .unsupportedPayloadVersion(version):
            return vi
                ? "Mã QR dùng định dạng phiên bản \(version), chương trình này chưa đọc được: cần cập nhật."
                : "The QR code uses format version \(version), which this program cannot read: update it."
        case let .malformedPayload(reason):
            return (vi ? "Mã QR bị hỏng hoặc quét sai: " : "The QR code is damaged or misread: ") + reason(language)
        case let .unknownKey(kid):
            return vi
                ? "Khóa ký \(kid) không có trong danh sách tin cậy: không xác minh được cơ quan cấp (giấy có thể giả, hoặc danh sách tin cậy đã cũ)."
                : "Signing key \(kid) is not in the trust list: the issuer cannot be confirmed (the certificate may be forged, or the trust list is out of date)."
        case let .keyIssuerMismatch(kid, keyIssuer, claimedIssuer):
            return vi
                ? "Giấy ghi cơ quan cấp \(claimedIssuer) nhưng được ký bằng khóa \(kid) của cơ quan \(keyIssuer): không hợp lệ."
                : "The certificate names issuer \(claimedIssuer) but is signed with key \(kid) of issuer \(keyIssuer): invalid."
        case let .keyNotValidOnDate(kid, date):
            return vi
                ? "Khóa ký \(kid) không có hiệu lực vào ngày \(date.vietnameseNumeric): giấy không hợp lệ."
                : "Signing key \(kid) was not in service on \(date.iso): the certificate is invalid."
        case let .badSignature(kid):
            return vi
                ? "Chữ ký số (khóa \(kid)) không khớp với nội dung: nội dung đã bị sửa hoặc giấy là giả."
                : "The digital signature (key \(kid)) does not match the content: it was altered or forged."
        case let .statusListSizeInvalid(size):
            return vi
                ? "Danh sách trạng thái có \(size) mục: cần là bội của 8, từ \(StatusList.minimumSize) đến \(StatusList.maximumSize)."
                : "A status list of \(size) entries: it must be a multiple of 8, from \(StatusList.minimumSize) to \(StatusList.maximumSize)."
        case let .statusIndexOutOfRange(index, size):
            return vi
                ? "Chỉ số trạng thái \(index) nằm ngoài danh sách \(size) mục."
                : "Status index \(index) is outside the list of \(size) entries."
        case let .statusListInvalid(reason):
            return (vi ? "Danh sách trạng thái không hợp lệ: " : "Invalid status list: ") + reason(language)
        case let .statusListIssuerMismatch(listIssuer, certificateIssuer):
            return vi
                ? "Danh sách trạng thái của cơ quan \(listIssuer) không áp dụng cho giấy do \(certificateIssuer) cấp."
                : "The status list of issuer \(listIssuer) does not apply to a certificate issued by \(certificateIssuer)."
        case let .signedDocumentInvalid(reason):
            return (vi ? "Tài liệu ký số (JWS) không hợp lệ: " : "Invalid signed document (JWS): ") + reason(language)
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .keyFileNotFound: .notFound
        case .keyFileIO: .unavailable
        case .keyFilePermissions: .configuration
        case .keyFileExists: .conflict
        case .compressionFailed: .internal
        default: .invalidInput
        }
    }
}
