/// The one error type of the pure rules. Each case carries what a person needs to fix the input.
public enum DomainError: LocalizedFailure, Equatable {
    /// A value that is not well-formed: a code, a date, a number out of range.
    case invalidValue(field: String, value: String, reason: LocalizedText)
    /// A required value is missing or blank (e.g. a reason).
    case missingValue(field: String, what: LocalizedText)
    /// A workflow step that is not allowed from the dossier's state.
    case illegalTransition(IllegalTransition)
    /// One or more sheets do not fit their product set.
    case invalidSheet(SheetValidationError)
    /// A council member may not score this dossier now.
    case mayNotScore(ScoringRefusal)

    public var kind: ErrorKind {
        switch self {
        case .invalidValue, .missingValue, .illegalTransition, .invalidSheet: .invalidInput
        case .mayNotScore(let refusal): refusal.kind
        }
    }

    public var fields: [String] {
        switch self {
        case .invalidValue(let field, _, _), .missingValue(let field, _): [field]
        case .illegalTransition(let e): e.fields
        case .invalidSheet: []
        case .mayNotScore(let refusal): refusal.fields
        }
    }

    public func message(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case let .invalidValue(field, value, reason):
            return vi ? "Giá trị \"\(Self.shown(value))\" của \(FieldName.label(field, .vi)) không hợp lệ: \(reason(.vi))"
                : "Invalid \(FieldName.label(field, .en)) \"\(Self.shown(value))\": \(reason(.en))"
        case let .missingValue(field, what):
            return vi ? "Thiếu \(FieldName.label(field, .vi)): \(what(.vi))" : "Missing \(FieldName.label(field, .en)): \(what(.en))"
        case .illegalTransition(let e): return e.message(language)
        case .invalidSheet(let e): return e.message(language)
        case .mayNotScore(let e): return e.message(language)
        }
    }

    /// A value as echoed in a message: control characters escaped, long values cut.
    public static func shown(_ value: String) -> String {
        let escaped = value.unicodeScalars.map { scalar -> String in
            scalar.properties.generalCategory == .control ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
        return escaped.count > 80 ? String(escaped.prefix(80)) + "…" : escaped
    }
}

/// Names of input fields as people read them.
public enum FieldName {
    public static func label(_ field: String, _ language: Language) -> String {
        let vi = language == .vi
        switch field {
        case "dossier": return vi ? "mã hồ sơ" : "dossier code"
        case "session": return vi ? "mã phiên họp" : "session code"
        case "council": return vi ? "mã hội đồng" : "council code"
        case "person", "member": return vi ? "mã người" : "person code"
        case "actor": return vi ? "người thực hiện (mã người)" : "acting person (person code)"
        case "reason": return vi ? "lý do" : "reason"
        case "date": return vi ? "ngày" : "date"
        case "year": return vi ? "năm" : "year"
        case "round": return vi ? "kỳ đánh giá" : "round"
        case "target_stars": return vi ? "hạng sao đề nghị" : "target stars"
        case "product_set", "set": return vi ? "bộ sản phẩm" : "product set"
        case "entered_by": return vi ? "người nhập phiếu giấy" : "transcriber (entered by)"
        case "paper_ref": return vi ? "số phiếu giấy" : "paper sheet reference"
        case "missing": return vi ? "nội dung cần bổ sung" : "what is missing"
        case "email": return "email"
        case "name": return vi ? "tên" : "name"
        case "registration_no", "producer_registration_no": return vi ? "mã số thuế/đăng ký" : "registration/tax number"
        case "code": return vi ? "mã" : "code"
        case "province_code": return vi ? "mã tỉnh" : "province code"
        case "commune_code": return vi ? "mã xã" : "commune code"
        case "successor_code": return vi ? "mã đơn vị kế thừa" : "successor code"
        case "kind": return vi ? "loại" : "kind"
        case "valid_from": return vi ? "ngày bắt đầu hiệu lực" : "valid from"
        case "valid_to": return vi ? "ngày hết hiệu lực" : "valid to"
        case "former_district": return vi ? "huyện cũ" : "former district"
        case "address": return vi ? "địa chỉ" : "address"
        case "phone": return vi ? "điện thoại" : "phone"
        case "representative": return vi ? "người đại diện" : "representative"
        case "product_name": return vi ? "tên sản phẩm" : "product name"
        case "stars": return vi ? "hạng sao" : "stars"
        case "score": return vi ? "điểm" : "score"
        case "decision_no": return vi ? "số quyết định" : "decision number"
        case "decision_date": return vi ? "ngày quyết định" : "decision date"
        // Printing and verification.
        case "start": return vi ? "giờ bắt đầu" : "start time"
        case "end": return vi ? "giờ kết thúc" : "end time"
        case "established_on": return vi ? "ngày quyết định thành lập hội đồng" : "date of the council's founding decision"
        case "venue": return vi ? "địa điểm họp" : "venue"
        case "issuer": return vi ? "cơ quan cấp" : "issuer"
        case "kid": return vi ? "mã khóa" : "key id"
        case "key_valid_from": return vi ? "ngày bắt đầu dùng khóa" : "key's first day of service"
        case "key_valid_until": return vi ? "ngày cuối dùng khóa" : "key's last day of service"
        case "on": return vi ? "ngày kiểm tra" : "day checked"
        case "verification_address": return vi ? "địa chỉ xác thực" : "verification address"
        case "status_list_url": return vi ? "địa chỉ danh sách trạng thái" : "status list address"
        case "frame_color": return vi ? "màu khung" : "frame colour"
        case "qr_side": return vi ? "cạnh mã QR" : "QR side"
        case "national_emblem": return vi ? "tệp quốc huy" : "national emblem file"
        case "ocop_mark": return vi ? "tệp biểu trưng OCOP" : "OCOP mark file"
        case "seal": return vi ? "tệp con dấu" : "seal file"
        case "signature": return vi ? "tệp chữ ký" : "signature file"
        case "seal_diameter": return vi ? "đường kính con dấu" : "seal diameter"
        case "clear": return vi ? "mục đưa về mặc định" : "field to clear"
        case "rubric": return vi ? "phiên bản bộ tiêu chí" : "rubric version"
        case "note": return vi ? "ghi chú" : "note"
        case "place": return vi ? "địa điểm" : "place"
        case "member_label": return vi ? "tên người chấm" : "scorer's name"
        case "organisation": return vi ? "cơ quan" : "organisation"
        case "decision_ref": return vi ? "quyết định thành lập" : "founding decision"
        case "quorum": return vi ? "túc số" : "quorum"
        case "outlet": return vi ? "mã kênh phân phối" : "outlet code"
        case "listing": return vi ? "điểm bán" : "listing"
        case "listed_on": return vi ? "ngày bắt đầu bán" : "first day on sale"
        case "ended_on": return vi ? "ngày kết thúc bán" : "last day on sale"
        case "chain": return vi ? "chuỗi siêu thị" : "chain"
        case "country": return vi ? "nước nhập khẩu" : "country"
        case "importer": return vi ? "nhà nhập khẩu" : "importer"
        case "certificate": return vi ? "giấy chứng nhận" : "certificate"
        case "criterion": return vi ? "tiêu chí" : "criterion"
        case "claimed_points": return vi ? "mức điểm đề nghị" : "claimed points"
        case "change": return vi ? "nội dung thay đổi" : "what changed"
        case "evidence": return vi ? "minh chứng" : "evidence"
        case "products": return vi ? "số sản phẩm" : "number of products"
        case "basis": return vi ? "căn cứ" : "basis"
        case "contract_no": return vi ? "số hợp đồng" : "contract number"
        case "document": return vi ? "tài liệu" : "document"
        case "province": return vi ? "mã tỉnh" : "province code"
        case "within": return vi ? "số ngày" : "number of days"
        case "as_of": return vi ? "ngày xem" : "day asked about"
        case "authority": return vi ? "cơ quan ra quyết định" : "deciding authority"
        case "by", "chair": return vi ? "chủ tọa (mã người)" : "chair (person code)"
        case "present": return vi ? "thành viên có mặt (mã người)" : "member present (person code)"
        case "absent": return vi ? "thành viên vắng mặt (mã người)" : "member absent (person code)"
        case "filed_on": return vi ? "ngày nộp hồ sơ" : "filing date"
        case "filing_deadline": return vi ? "hạn nhận hồ sơ" : "filing deadline"
        case "evaluation_deadline": return vi ? "hạn đánh giá" : "evaluation deadline"
        case "finding": return vi ? "kết luận (số, trích yếu)" : "finding (reference, summary)"
        case "finding_on": return vi ? "ngày có kết luận" : "date of the finding"
        case "ground": return vi ? "căn cứ thu hồi" : "ground for revocation"
        case "revocation_reason": return vi ? "lý do thu hồi" : "reason for revocation"
        case "level": return vi ? "cấp" : "level"
        case "mode": return vi ? "hình thức họp" : "session mode"
        case "number": return vi ? "số văn bản" : "document number"
        case "submission_date": return vi ? "ngày tờ trình" : "date of the submission"
        case "status": return vi ? "tình trạng" : "status"
        case "to": return vi ? "bước tiếp theo" : "next step"
        case "role": return vi ? "vai trò" : "role"
        case "password": return vi ? "mật khẩu" : "password"
        case "printed": return vi ? "mã kiểm toán trên giấy" : "audit head from paper"
        case "recognition": return vi ? "công nhận" : "recognition"
        case "sheet": return vi ? "phiếu tự đánh giá" : "self-assessment sheet"
        case "update": return vi ? "cập nhật" : "update"
        case "commune": return vi ? "mã xã" : "commune code"
        case "actionable": return vi ? "có thể cải thiện" : "actionable"
        case "cost": return vi ? "chi phí" : "cost"
        case "flag": return vi ? "cảnh báo" : "flag"
        case "clause": return vi ? "điều khoản loại" : "knock-out clause"
        case "yes": return vi ? "xác nhận" : "confirmation"
        case "reset": return vi ? "nạp lại từ đầu" : "reset"
        case "login": return vi ? "tài khoản đăng nhập" : "login"
        case "audit": return vi ? "đợt kiểm tra" : "post-audit"
        case "key_file": return vi ? "tệp khóa" : "key file"
        case "trust_list": return vi ? "danh sách tin cậy" : "trust list"
        case "status_list": return vi ? "danh sách trạng thái" : "status list"
        case "output": return vi ? "tệp ghi ra" : "output file"
        default: return field
        }
    }
}
