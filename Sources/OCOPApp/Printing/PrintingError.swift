import Foundation
import OCOPDomain

/// What stops a document from being printed, a certificate from being signed, or a certificate
/// from passing verification; each says what to do.
public enum PrintingError: LocalizedFailure, Equatable {
    /// A value of the printing configuration (`key` as a dotted path) cannot be used.
    case configurationInvalid(path: String, key: String, reason: LocalizedText)
    /// No recorded key of `issuer` may sign a certificate issued on `date`.
    case noSigningKey(issuer: String, date: CalendarDate, recorded: [String])
    /// The key that may sign is recorded, but its private file is not on this machine.
    case signingKeyFileMissing(kid: String, path: String)
    /// A key file whose key the register does not hold (verifiers would not know it).
    case keyNotRecorded(kid: String, path: String)
    /// The given key may not sign a certificate issued on `date`.
    case keyNotInService(kid: String, date: CalendarDate)
    /// A key file of another issuer than the certificate's.
    case keyOfAnotherIssuer(kid: String, issuer: String)
    /// There is no trust list to verify against: no key is recorded and none was given.
    case noTrustList
    /// A status list given for verification does not speak for the certificate's issuer.
    case noStatusListForIssuer(issuer: String)
    /// The member has submitted no sheet (of that version) for the dossier.
    case noSubmittedSheet(dossier: String, member: String, version: Int?)
    /// The output would be binary written to a terminal.
    case binaryToTerminal

    // Verification outcomes after a good signature.
    case certificateExpired(number: String, validUntil: CalendarDate, on: CalendarDate)
    case certificateNotYetValid(number: String, issuedOn: CalendarDate, on: CalendarDate)
    case certificateRevoked(number: String, revokedOn: CalendarDate, decision: String?)
    case certificateSuperseded(number: String, supersededOn: CalendarDate, by: String?)
    /// The issuer's status list has the certificate's bit set: revoked or superseded.
    case certificateEnded(number: String, listDate: CalendarDate)
    /// The register holds other facts than the signed ones (a certificate re-issued under the
    /// same number would be a bug or a forgery with a stolen key).
    case registerDisagrees(number: String, fields: [String])
    /// A province signed 5★, or the Ministry 3–4★ (QĐ 26 Art. 4.1).
    case starsNotForIssuer(number: String, stars: Int, issuer: String)

    public var kind: ErrorKind {
        switch self {
        case .configurationInvalid: .configuration
        case .noSigningKey, .keyNotInService, .keyOfAnotherIssuer, .keyNotRecorded, .binaryToTerminal: .invalidInput
        case .signingKeyFileMissing, .noSubmittedSheet: .notFound
        case .noTrustList: .configuration
        case .noStatusListForIssuer: .invalidInput
        case .certificateExpired, .certificateNotYetValid, .certificateRevoked, .certificateSuperseded, .certificateEnded, .registerDisagrees, .starsNotForIssuer: .invalidInput
        }
    }

    public var fields: [String] {
        switch self {
        case .keyNotInService, .keyOfAnotherIssuer, .keyNotRecorded, .signingKeyFileMissing: ["key_file"]
        case .noTrustList: ["trust_list"]
        case .noStatusListForIssuer: ["status_list"]
        case .binaryToTerminal: ["output"]
        case .noSubmittedSheet: ["member"]
        default: []
        }
    }

    public func message(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case let .configurationInvalid(path, key, reason):
            let place = key.isEmpty ? path : "\(path), \(key)"
            return vi ? "Cấu hình in \(place): \(reason(.vi))." : "Printing configuration \(place): \(reason(.en))."
        case let .noSigningKey(issuer, date, recorded):
            let known = recorded.isEmpty ? (vi ? "chưa có khóa nào được ghi nhận" : "no key is recorded")
                : (vi ? "các khóa đã ghi nhận: " : "recorded keys: ") + recorded.joined(separator: "; ")
            return vi ? "Không có khóa ký nào của cơ quan \(issuer) được dùng cho giấy chứng nhận cấp ngày \(date.display(.vi)) (\(known)). Hãy tạo khóa có ngày bắt đầu dùng không muộn hơn ngày cấp."
                : "No signing key of issuer \(issuer) may sign a certificate issued on \(date.display(.en)) (\(known)). Create a key whose service starts no later than the issue date."
        case let .signingKeyFileMissing(kid, path):
            return vi ? "Khóa \(kid) được ghi nhận nhưng không có tệp khóa bí mật \(path) trên máy này; hãy chỉ ra tệp khóa."
                : "Key \(kid) is recorded but its private key file \(path) is not on this machine; name the key file."
        case let .keyNotRecorded(kid, path):
            return vi ? "Khóa \(kid) trong tệp \(path) chưa được ghi nhận trong sổ nên người xác thực sẽ không biết khóa này."
                : "Key \(kid) in \(path) is not recorded in the register, so verifiers would not know it."
        case let .keyNotInService(kid, date):
            return vi ? "Khóa \(kid) không được dùng cho giấy chứng nhận cấp ngày \(date.display(.vi)) (ngoài thời gian sử dụng của khóa)."
                : "Key \(kid) may not sign a certificate issued on \(date.display(.en)) (outside the key's service window)."
        case let .keyOfAnotherIssuer(kid, issuer):
            return vi ? "Khóa \(kid) không phải của cơ quan cấp \(issuer)." : "Key \(kid) does not belong to issuer \(issuer)."
        case .noTrustList:
            return vi ? "Không có danh sách khóa tin cậy: sổ chưa ghi nhận khóa ký nào và không có tệp danh sách tin cậy."
                : "No trust list: the register holds no signing key and no trust list file was given."
        case let .noStatusListForIssuer(issuer):
            return vi ? "Không có danh sách trạng thái nào của cơ quan cấp \(issuer) trong các tệp đã cho."
                : "None of the given status lists is issuer \(issuer)'s."
        case let .noSubmittedSheet(dossier, member, version):
            let which = version.map { vi ? " phiên bản \($0)" : " version \($0)" } ?? ""
            return vi ? "\(member) chưa nộp phiếu\(which) cho hồ sơ \(dossier)." : "\(member) has submitted no sheet\(which) for dossier \(dossier)."
        case .binaryToTerminal:
            return vi ? "Không ghi tệp PDF ra màn hình; hãy chỉ ra tệp đích hoặc chuyển hướng đầu ra."
                : "A PDF is not written to a terminal; name an output file or redirect the output."
        case let .certificateExpired(number, validUntil, on):
            return vi ? "Giấy chứng nhận \(number) đã hết hiệu lực: có giá trị đến hết ngày \(validUntil.display(.vi)), ngày kiểm tra \(on.display(.vi))."
                : "Certificate \(number) has expired: valid through \(validUntil.display(.en)), checked on \(on.display(.en))."
        case let .certificateNotYetValid(number, issuedOn, on):
            return vi ? "Giấy chứng nhận \(number) cấp ngày \(issuedOn.display(.vi)), chưa có hiệu lực vào ngày \(on.display(.vi))."
                : "Certificate \(number) was issued on \(issuedOn.display(.en)) and is not in force on \(on.display(.en))."
        case let .certificateRevoked(number, revokedOn, decision):
            let by = decision.map { vi ? " theo Quyết định số \($0)" : " by decision \($0)" } ?? ""
            return vi ? "Giấy chứng nhận \(number) đã bị thu hồi\(by) từ ngày \(revokedOn.display(.vi))."
                : "Certificate \(number) was revoked\(by) on \(revokedOn.display(.en))."
        case let .certificateSuperseded(number, supersededOn, by):
            let successor = by.map { vi ? " bằng giấy chứng nhận \($0)" : " by certificate \($0)" } ?? ""
            return vi ? "Giấy chứng nhận \(number) đã được thay thế\(successor) từ ngày \(supersededOn.display(.vi)); giấy này không còn hiệu lực."
                : "Certificate \(number) was superseded\(successor) on \(supersededOn.display(.en)); it is no longer in force."
        case let .certificateEnded(number, listDate):
            return vi ? "Theo danh sách trạng thái của cơ quan cấp (công bố ngày \(listDate.display(.vi))), giấy chứng nhận \(number) đã bị thu hồi hoặc đã được thay thế."
                : "The issuer's status list (published \(listDate.display(.en))) marks certificate \(number) as revoked or superseded."
        case let .registerDisagrees(number, fields):
            return vi ? "Chữ ký hợp lệ nhưng sổ giấy chứng nhận ghi khác về \(number): \(fields.joined(separator: ", "))."
                : "The signature is valid but the register records otherwise for \(number): \(fields.joined(separator: ", "))."
        case let .starsNotForIssuer(number, stars, issuer):
            return vi ? "Giấy chứng nhận \(number) ghi \(stars)★ do cơ quan \(issuer) cấp: 5★ chỉ do Bộ Nông nghiệp và Môi trường công nhận, 3★ và 4★ do Chủ tịch UBND cấp tỉnh (Điều 4.1)."
                : "Certificate \(number) shows \(stars)★ issued by \(issuer): only the Ministry recognises 5★, and only a provincial chair 3★ and 4★ (Art. 4.1)."
        }
    }
}
