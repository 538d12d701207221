import OCOPDomain
import Postgres

/// What each constraint of the schema means to a person. The program checks input before it
/// writes (docs/validation.md), so a violation reaching the database is a race (two people at
/// once) or a bug; either way the person reads which field and value, never SQL. A test keeps
/// this table complete: every constraint and unique index of the schema has an entry.
public enum ConstraintCatalog {
    struct Entry: Sendable {
        let field: String
        let kind: ErrorKind
        /// The text, given the offending value when the server names it.
        let text: @Sendable (String?) -> LocalizedText
    }

    /// The constraints (and unique indexes) this table explains.
    public static var names: Set<String> { Set(entries.keys) }

    /// A StoreError for a server error that names a constraint (or a NOT NULL column).
    static func explain(_ server: ServerError) -> StoreError? {
        if server.isNotNullViolation, let column = server.column {
            return .rejected(constraint: "\(server.table ?? "?").\(column)", field: column, value: nil, kind: .invalidInput,
                             reason: LocalizedText(vi: "Thiếu \(FieldName.label(column, .vi)).", en: "The \(FieldName.label(column, .en)) is missing."))
        }
        guard let name = server.constraint else { return nil }
        let value = keyValue(server.detail)
        guard let entry = entries[name] else {
            return .rejected(constraint: name, field: "", value: value, kind: .internal, reason: LocalizedText(
                vi: "Dữ liệu vi phạm ràng buộc \(name) mà chương trình chưa biết.", en: "The data breaks a constraint this program does not know (\(name))."))
        }
        // A reference that is still in use (a delete or update of the referenced row) is a conflict.
        if server.isForeignKeyViolation, server.detail?.contains("is still referenced") == true {
            return .rejected(constraint: name, field: entry.field, value: value, kind: .conflict, reason: LocalizedText(
                vi: "Bản ghi còn được dùng ở nơi khác nên không xóa hay đổi được.", en: "The record is still used elsewhere, so it cannot be removed or changed."))
        }
        return .rejected(constraint: name, field: entry.field, value: value, kind: entry.kind, reason: entry.text(value))
    }

    /// The value part of "Key (code, …)=(24, …) already exists." / "… is not present in table …".
    static func keyValue(_ detail: String?) -> String? {
        guard let detail, let equals = detail.range(of: ")=("), let close = detail.range(of: ")", range: equals.upperBound..<detail.endIndex) else {
            return nil
        }
        // Units are keyed by (code, coalesce(valid_from, '-infinity')): an open start is no value.
        return String(detail[equals.upperBound..<close.lowerBound]).replacingOccurrences(of: ", -infinity", with: "")
    }

    private static func v(_ value: String?) -> String { value.map { " (\(DomainError.shown($0)))" } ?? "" }

    private static func unique(_ field: String, _ vi: String, _ en: String) -> Entry {
        Entry(field: field, kind: .conflict) { value in LocalizedText(vi: vi + v(value) + ".", en: en + v(value) + ".") }
    }

    private static func check(_ field: String, _ vi: String, _ en: String) -> Entry {
        Entry(field: field, kind: .invalidInput) { _ in LocalizedText(vi: vi, en: en) }
    }

    private static func reference(_ field: String, _ vi: String, _ en: String) -> Entry {
        Entry(field: field, kind: .notFound) { value in LocalizedText(vi: vi + v(value) + ".", en: en + v(value) + ".") }
    }

    /// A constraint only the program's own logic writes to (serial ids, event links): its
    /// violation is a bug, said plainly.
    private static func integrity(_ field: String, _ what: String) -> Entry {
        Entry(field: field, kind: .internal) { value in LocalizedText(
            vi: "Lỗi nội bộ: dữ liệu không nhất quán (\(what))\(v(value)). Không có gì được ghi.",
            en: "Internal error: inconsistent data (\(what))\(v(value)). Nothing was written.") }
    }

    static let entries: [String: Entry] = [
        // Administrative units.
        "province_pkey": integrity("province", "province id"),
        "province_code_period_key": unique("code", "Tỉnh có mã và ngày bắt đầu hiệu lực này đã tồn tại", "A province with this code and start date already exists"),
        "province_check": check("valid_to", "Ngày hết hiệu lực của tỉnh trước ngày bắt đầu.", "The province's end date is before its start."),
        "province_kind_check": check("kind", "Loại tỉnh phải là tinh hoặc thanh_pho.", "A province's kind must be tinh or thanh_pho."),
        "province_successor_id_fkey": reference("successor_code", "Không có tỉnh kế thừa này", "No such successor province"),
        "commune_pkey": integrity("commune", "commune id"),
        "commune_code_period_key": unique("code", "Xã có mã và ngày bắt đầu hiệu lực này đã tồn tại", "A commune with this code and start date already exists"),
        "commune_check": check("valid_to", "Ngày hết hiệu lực của xã trước ngày bắt đầu.", "The commune's end date is before its start."),
        "commune_kind_check": check("kind", "Loại xã phải là xa, phuong, dac_khu hoặc thi_tran.", "A commune's kind must be xa, phuong, dac_khu or thi_tran."),
        "commune_province_id_fkey": reference("province_code", "Không có tỉnh này", "No such province"),
        "commune_product_serial_pkey": integrity("commune", "product serial"),
        "commune_product_serial_commune_id_fkey": reference("commune_code", "Không có xã này", "No such commune"),

        // Producers and products.
        "producer_pkey": integrity("producer", "producer id"),
        "producer_registration_no_key": unique("registration_no", "Mã số thuế/đăng ký này đã được đăng ký", "This registration/tax number is already registered"),
        "producer_kind_check": check("kind", "Loại hình chủ thể phải là htx, tht, dn, trang_trai, ho hoặc hoi.", "A producer's kind must be htx, tht, dn, trang_trai, ho or hoi."),
        "producer_name_check": check("name", "Tên chủ thể không được để trống.", "A producer's name must not be blank."),
        "producer_commune_id_fkey": reference("commune_code", "Không có xã này", "No such commune"),
        "product_pkey": integrity("product", "product id"),
        "product_code_key": unique("code", "Mã sản phẩm này đã tồn tại", "This product code already exists"),
        "product_producer_name_key": unique("name", "Chủ thể đã có sản phẩm cùng tên", "The producer already has a product with this name"),
        "product_name_check": check("name", "Tên sản phẩm không được để trống.", "A product's name must not be blank."),
        "product_product_set_check": check("product_set", "Bộ sản phẩm phải từ 1 đến 26.", "The product set must be 1 to 26."),
        "product_producer_id_fkey": reference("producer", "Không có chủ thể này", "No such producer"),
        "product_commune_id_fkey": reference("commune_code", "Không có xã này", "No such commune"),
        "star_recognition_pkey": integrity("recognition", "recognition id"),
        "star_recognition_stars_check": check("stars", "Chỉ sản phẩm 3–5 sao được công nhận.", "Only 3 to 5 stars are recognised."),
        "star_recognition_product_id_fkey": reference("product", "Không có sản phẩm này", "No such product"),
        "star_recognition_province_id_fkey": reference("province_code", "Không có tỉnh này", "No such province"),
        "star_recognition_rubric_version_fkey": reference("rubric", "Không có phiên bản bộ tiêu chí này", "No such rubric version"),
        "star_recognition_dossier_id_fkey": reference("dossier", "Không có hồ sơ này", "No such dossier"),

        // Rubrics.
        "rubric_version_pkey": integrity("rubric", "rubric version"),
        "rubric_set_snapshot_pkey": integrity("rubric", "rubric snapshot"),
        "rubric_set_snapshot_version_id_fkey": reference("rubric", "Không có phiên bản bộ tiêu chí này", "No such rubric version"),
        "rubric_set_snapshot_set_number_check": check("product_set", "Bộ sản phẩm phải từ 1 đến 26.", "The product set must be 1 to 26."),

        // Dossiers.
        "dossier_pkey": integrity("dossier", "dossier id"),
        "dossier_code_key": unique("dossier", "Mã hồ sơ này đã tồn tại", "This dossier code already exists"),
        "dossier_open_per_round_key": unique("round", "Sản phẩm đã có một hồ sơ đang xử lý trong kỳ này", "The product already has a dossier open in this round"),
        "dossier_kind_check": check("kind", "Loại hồ sơ phải là lan_dau, nang_hang hoặc danh_gia_lai.", "A dossier's kind must be lan_dau, nang_hang or danh_gia_lai."),
        "dossier_round_check": check("round", "Kỳ đánh giá phải từ 1 đến 9.", "The round must be 1 to 9."),
        "dossier_target_stars_check": check("target_stars", "Hạng sao đề nghị phải từ 3 đến 5.", "The target stars must be 3 to 5."),
        "dossier_year_check": check("year", "Năm của hồ sơ phải từ 2018 đến 2100.", "The dossier's year must be 2018 to 2100."),
        "dossier_product_id_fkey": reference("product", "Không có sản phẩm này", "No such product"),
        "dossier_rubric_version_fkey": reference("rubric", "Không có phiên bản bộ tiêu chí này", "No such rubric version"),
        "dossier_rubric_hash_fkey": integrity("rubric", "frozen rubric"),
        "dossier_serial_pkey": integrity("dossier", "dossier serial"),
        "dossier_event_pkey": integrity("dossier", "dossier event"),
        "dossier_event_dossier_id_fkey": integrity("dossier", "dossier event"),

        // People and councils.
        "person_pkey": integrity("person", "person id"),
        "person_code_key": unique("person", "Mã người này đã tồn tại", "This person code already exists"),
        "person_code_check": check("person", "Mã người gồm chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang.", "A person code uses lower-case ASCII letters, digits, dots, underscores and dashes."),
        "person_full_name_check": check("name", "Họ tên không được để trống.", "A person's name must not be blank."),
        "council_pkey": integrity("council", "council id"),
        "council_code_key": unique("council", "Mã hội đồng này đã tồn tại", "This council code already exists"),
        "council_check": check("quorum", "Túc số phải là một phân số từ 0 đến 1 (vd. 2/3).", "The quorum must be a fraction between 0 and 1 (e.g. 2/3)."),
        "council_level_check": check("level", "Cấp hội đồng phải là provincial hoặc central.", "A council's level must be provincial or central."),
        "council_max_spread_check": check("max_spread", "Độ chênh tối đa phải từ 0 đến 100 điểm.", "The maximum spread must be 0 to 100 points."),
        "council_sheets_visible_check": check("sheets_visible", "Quy định xem phiếu phải là after_finalization hoặc during_session.", "Sheet visibility must be after_finalization or during_session."),
        "council_minimum_split_check": check("minimum_split", "Cách xử lý chia rẽ về điểm tối thiểu phải là must_resolve hoặc mean_decides.", "The minimum-split policy must be must_resolve or mean_decides."),
        "council_name_check": check("name", "Tên hội đồng không được để trống.", "A council's name must not be blank."),
        "council_member_pkey": unique("person", "Người này đã là thành viên hội đồng", "This person is already a member of the council"),
        "council_member_one_chair_key": unique("role", "Hội đồng đã có Chủ tịch", "The council already has a chair"),
        "council_member_role_check": check("role", "Vai trò phải là chair, vice_chair, secretary, member hoặc advisor.", "The role must be chair, vice_chair, secretary, member or advisor."),
        "council_member_council_id_fkey": reference("council", "Không có hội đồng này", "No such council"),
        "council_member_person_id_fkey": reference("person", "Không có người này", "No such person"),

        // Sessions.
        "council_session_pkey": integrity("session", "session id"),
        "council_session_code_key": unique("session", "Mã phiên họp này đã tồn tại", "This session code already exists"),
        "council_session_status_check": check("status", "Trạng thái phiên họp phải là open hoặc finalized.", "A session's status must be open or finalized."),
        "council_session_council_id_fkey": reference("council", "Không có hội đồng này", "No such council"),
        "council_session_serial_pkey": integrity("session", "session serial"),
        "session_dossier_pkey": unique("dossier", "Hồ sơ đã có trong phiên họp", "The dossier is already on the session"),
        "session_dossier_session_id_fkey": reference("session", "Không có phiên họp này", "No such session"),
        "session_dossier_dossier_id_fkey": reference("dossier", "Không có hồ sơ này", "No such dossier"),
        "session_dossier_rubric_version_fkey": reference("rubric", "Không có phiên bản bộ tiêu chí này", "No such rubric version"),
        "session_dossier_rubric_hash_fkey": integrity("rubric", "frozen rubric"),
        "session_attendance_pkey": unique("person", "Đã ghi điểm danh người này ở phiên họp", "Attendance is already recorded for this person"),
        "session_attendance_session_id_fkey": reference("session", "Không có phiên họp này", "No such session"),
        "session_attendance_person_id_fkey": reference("person", "Không có người này", "No such person"),
        "session_deferral_pkey": unique("dossier", "Hồ sơ đã được hoãn ở phiên họp này", "The dossier is already deferred at this session"),
        "session_deferral_reason_check": check("reason", "Lý do hoãn không được để trống.", "A deferral needs a reason."),
        "session_deferral_session_id_dossier_id_fkey": reference("dossier", "Hồ sơ không thuộc phiên họp này", "The dossier is not on this session"),
        "recusal_pkey": unique("member", "Thành viên này đã được ghi là không chấm hồ sơ", "This member is already recused from the dossier"),
        "recusal_reason_check": check("reason", "Lý do không chấm không được để trống.", "A recusal needs a reason."),
        "recusal_reason_kind_check": check("kind", "Loại lý do không chấm không hợp lệ.", "The kind of recusal is not valid."),
        "recusal_person_id_fkey": reference("member", "Không có người này", "No such person"),
        "recusal_session_id_dossier_id_fkey": reference("dossier", "Hồ sơ không thuộc phiên họp này", "The dossier is not on this session"),

        // Sheets and results.
        "score_sheet_pkey": integrity("sheet", "sheet id"),
        "score_sheet_version_key": unique("member", "Phiếu này đã được nộp (cùng thành viên, hồ sơ, phiên bản); đọc lại trạng thái phiên và nộp bản sửa nếu cần",
                                          "This sheet was already submitted (same member, dossier, version); check the session status and submit a correction if needed"),
        "score_sheet_check": check("reason", "Bản sửa phiếu cần lý do.", "A corrected sheet needs a reason."),
        "score_sheet_check1": check("paper_ref", "Phiếu giấy cần cả người nhập và số phiếu giấy.", "A paper sheet needs both who transcribed it and its reference."),
        "score_sheet_source_check": check("source", "Nguồn phiếu không hợp lệ.", "The sheet's source is not valid."),
        "score_sheet_total_check": check("total", "Tổng điểm phiếu phải từ 0 đến 100.", "A sheet's total must be 0 to 100."),
        "score_sheet_version_check": check("version", "Số phiên bản phiếu phải từ 1.", "A sheet's version starts at 1."),
        "score_sheet_person_id_fkey": reference("member", "Không có người này", "No such person"),
        "score_sheet_rubric_hash_fkey": integrity("rubric", "frozen rubric"),
        "score_sheet_rubric_version_fkey": reference("rubric", "Không có phiên bản bộ tiêu chí này", "No such rubric version"),
        "score_sheet_session_id_dossier_id_fkey": reference("dossier", "Hồ sơ không thuộc phiên họp này", "The dossier is not on this session"),
        "score_answer_pkey": unique("criterion", "Một tiêu chí được chấm hai lần trên cùng phiếu", "A criterion is answered twice on one sheet"),
        "score_answer_points_check": check("points", "Điểm của một tiêu chí không hợp lệ.", "A criterion's points are not valid."),
        "score_answer_variant_check": check("variant", "Trường hợp của tiêu chí phải là 1 hoặc 2.", "A criterion's case must be 1 or 2."),
        "score_answer_sheet_id_fkey": integrity("sheet", "sheet answers"),
        "score_draft_pkey": integrity("draft", "sheet draft"),
        "score_draft_person_id_fkey": reference("member", "Không có người này", "No such person"),
        "score_draft_session_id_dossier_id_fkey": reference("dossier", "Hồ sơ không thuộc phiên họp này", "The dossier is not on this session"),
        "council_result_pkey": unique("dossier", "Hội đồng đã kết luận hồ sơ này", "The council has already concluded this dossier"),
        "council_result_session_id_dossier_id_fkey": reference("dossier", "Hồ sơ không thuộc phiên họp này", "The dossier is not on this session"),
        "council_override_pkey": unique("flag", "Cảnh báo này đã được Chủ tịch quyết định", "The chair has already decided on this flag"),
        "council_override_reason_check": check("reason", "Quyết định bỏ qua cảnh báo cần lý do.", "An override needs a reason."),
        "council_override_chair_id_fkey": reference("by", "Không có người này", "No such person"),
        "council_override_session_id_dossier_id_fkey": reference("dossier", "Hồ sơ không thuộc phiên họp này", "The dossier is not on this session"),
        "council_knockout_pkey": integrity("clause", "knock-out id"),
        "council_knockout_standing_key": unique("clause", "Hội đồng đã quyết định loại hồ sơ theo điều khoản này", "The council has already disqualified the dossier under this clause"),
        "council_knockout_check": check("withdrawn_by", "Rút quyết định loại cần ghi người rút.", "Withdrawing a knock-out needs who withdrew it."),
        "council_knockout_check1": check("reason", "Rút quyết định loại cần lý do.", "Withdrawing a knock-out needs a reason."),
        "council_knockout_clause_check": check("clause", "Điều khoản loại không được để trống.", "A knock-out needs its clause."),
        "council_knockout_reason_check": check("reason", "Quyết định loại cần lý do.", "A knock-out needs a reason."),
        "council_knockout_decided_by_fkey": reference("by", "Không có người này", "No such person"),
        "council_knockout_session_id_dossier_id_fkey": reference("dossier", "Hồ sơ không thuộc phiên họp này", "The dossier is not on this session"),

        // The evaluation calendar (QĐ 26 Art. 5) and the dossier's filing.
        "evaluation_round_pkey": unique("round", "Kỳ đánh giá này đã có trong lịch", "This round is already in the calendar"),
        "evaluation_round_basis_check": check("basis", "Kỳ đánh giá bổ sung cần căn cứ.", "An extra round needs its basis."),
        "evaluation_round_check": check("date", "Hạn đánh giá phải sau hạn nộp hồ sơ.", "The evaluation deadline must follow the filing deadline."),
        "evaluation_round_level_check": check("level", "Cấp đánh giá phải là provincial hoặc central.", "The level must be provincial or central."),
        "evaluation_round_number_check": check("round", "Kỳ bổ sung được đánh số từ 3 đến 9.", "Extra rounds are numbered 3 to 9."),
        "evaluation_round_year_check": check("year", "Năm phải từ 2018 đến 2100.", "The year must be 2018 to 2100."),
        "dossier_basis_certificate_id_fkey": reference("certificate", "Không có giấy chứng nhận này", "No such certificate"),
        "dossier_basis_check": check("kind", "Hồ sơ đánh giá lần đầu không dựa trên giấy chứng nhận nào.", "A first evaluation rests on no certificate."),
        "dossier_transition_check": check("kind", "Chỉ hồ sơ đánh giá lại của một giấy chứng nhận được áp dụng chuyển tiếp (Điều 12.3).",
                                          "Only a re-evaluation of a certificate can use the transition rule (Art. 12.3)."),
        "council_session_convened_check": check("reason", "Họp Hội đồng trong kỳ lấy ý kiến bằng văn bản cần ngày và lý do.",
                                                "Convening a written-opinion round needs a date and a reason."),
        "council_session_mode_check": check("mode", "Hình thức phải là meeting hoặc written_opinions.", "The mode must be meeting or written_opinions."),

        // Decisions and certificates.
        "decision_pkey": integrity("decision", "decision id"),
        "decision_number_key": unique("number", "Số quyết định này đã được cơ quan dùng trong năm", "This decision number is already used by the issuer this year"),
        "decision_issuer_key": integrity("decision", "decision issuer"),
        "decision_kind_key": integrity("decision", "decision kind"),
        "decision_check": check("date", "Năm của số quyết định phải là năm của ngày ký.", "The decision's year must be the year it is signed."),
        "decision_check1": check("authority", "Bộ Nông nghiệp và Môi trường không gắn với tỉnh; quyết định của tỉnh phải nêu tỉnh.",
                                 "The Ministry has no province; a provincial decision names its province."),
        "decision_check2": check("round", "Quyết định công nhận nêu kỳ đánh giá; quyết định thu hồi thì không.", "A recognition decision names its round; a revocation does not."),
        "decision_check3": check("submission", "Tờ trình cần cả số và ngày.", "A submission needs both its number and its date."),
        "decision_issuer_code_check": check("authority", "Cơ quan ban hành là mã tỉnh 2 chữ số hoặc BNNMT.", "The issuer is a 2-digit province code or BNNMT."),
        "decision_kind_check": check("kind", "Loại quyết định phải là recognition hoặc revocation.", "The decision kind must be recognition or revocation."),
        "decision_number_check": check("number", "Số quyết định phải từ 1.", "A decision number starts at 1."),
        "decision_place_check": check("place", "Địa danh không được để trống.", "The place must not be blank."),
        "decision_province_id_fkey": reference("authority", "Không có tỉnh này", "No such province"),
        "decision_round_number_check": check("round", "Kỳ đánh giá phải từ 1 đến 9.", "The round must be 1 to 9."),
        "decision_signer_name_check": check("signer", "Cần tên người ký.", "The signer's name is needed."),
        "decision_signer_title_check": check("signer_title", "Cần chức vụ người ký.", "The signer's title is needed."),
        "decision_symbol_check": check("number", "Ký hiệu quyết định viết hoa, các phần nối bằng gạch ngang (vd. QĐ-UBND).", "A decision symbol is upper case, parts joined by dashes (e.g. QĐ-UBND)."),
        "decision_entry_pkey": integrity("decision", "decision annex row"),
        "decision_entry_once_key": unique("dossier", "Hồ sơ đã có quyết định với kết quả này", "The dossier already has a decision with this outcome"),
        "decision_entry_certificate_id_key": integrity("certificate", "certificate of a decision row"),
        "decision_entry_certificate_id_fkey": integrity("certificate", "certificate of a decision row"),
        "decision_entry_check": integrity("certificate", "a recognised row has its certificate"),
        "decision_entry_check1": check("stars", "Chỉ hồ sơ 5 sao được đề nghị lên Hội đồng trung ương.", "Only a 5★ dossier is proposed to the central council."),
        "decision_entry_decision_id_decision_kind_fkey": integrity("decision", "annex of a recognition decision"),
        "decision_entry_decision_kind_check": integrity("decision", "annex of a recognition decision"),
        "decision_entry_dossier_id_fkey": reference("dossier", "Không có hồ sơ này", "No such dossier"),
        "decision_entry_outcome_check": check("outcome", "Kết quả phải là recognised, proposed_central hoặc not_granted.", "The outcome must be recognised, proposed_central or not_granted."),
        "decision_entry_position_check": integrity("decision", "annex row number"),
        "decision_entry_session_id_dossier_id_fkey": reference("dossier", "Hồ sơ chưa có kết quả của Hội đồng", "The dossier has no council result"),
        "decision_entry_stars_check": check("stars", "Chỉ 3–5 sao được công nhận.", "Only 3 to 5 stars are recognised."),
        "certificate_serial_pkey": integrity("certificate", "certificate serial"),
        "certificate_serial_last_serial_check": integrity("certificate", "certificate serial"),
        "star_recognition_certificate_no_key": unique("certificate", "Số giấy chứng nhận này đã tồn tại", "This certificate number already exists"),
        "star_recognition_serial_key": unique("certificate", "Số giấy chứng nhận này đã tồn tại", "This certificate number already exists"),
        "star_recognition_serial_check": integrity("certificate", "certificate number"),
        "star_recognition_dates_check": check("valid_until", "Ngày hết hiệu lực phải sau ngày cấp, và ngày bị thay thế nằm trong thời hạn.",
                                              "The validity must end after the issue date, and a supersession fall within it."),
        "star_recognition_decision_fkey": reference("decision_no", "Không có quyết định này của cơ quan cấp", "No such decision of the issuer"),
        "star_recognition_district_check": check("stars", "Cấp huyện chỉ công nhận 3 sao (trước 2025).", "A district recognised only 3★ (before 2025)."),
        "star_recognition_issuer_check": check("issuer", "Cơ quan cấp phải là district, province hoặc ministry.", "The issuer must be district, province or ministry."),
        "star_recognition_issuer_stars_check": check("stars", "5 sao chỉ do Bộ Nông nghiệp và Môi trường công nhận, và Bộ chỉ công nhận 5 sao.",
                                                     "5★ is recognised only by the Ministry, and the Ministry recognises only 5★."),
        "star_recognition_no_overlap": Entry(field: "decision_date", kind: .conflict) { _ in LocalizedText(
            vi: "Sản phẩm đã có một giấy chứng nhận còn hiệu lực trong thời gian này; hai giấy chứng nhận của một sản phẩm không cùng hiệu lực.",
            en: "The product already has a certificate in force over this period; two certificates of one product are never in force together.") },
        "star_recognition_qd26_term_check": check("valid_until", "Giấy chứng nhận theo QĐ 26/2026 có hiệu lực đúng 36 tháng.", "A certificate under QĐ 26/2026 is valid exactly 36 months."),
        "star_recognition_score_check": check("score", "Hạng sao vượt quá mức điểm cho phép.", "The stars are above what the score allows."),
        "star_recognition_superseded_by_fkey": integrity("certificate", "superseding certificate"),
        "star_recognition_supersession_check": integrity("certificate", "a supersession has its date"),
        // After recognition (0008): outlets, listings and their OCOP marks, upgrade claims,
        // self-assessments, annual targets.
        "star_recognition_product_key": integrity("certificate", "certificate of a product"),
        "outlet_pkey": integrity("outlet", "outlet id"),
        "outlet_code_key": unique("outlet", "Mã kênh phân phối này đã có", "This outlet code is already recorded"),
        "outlet_code_check": check("outlet", "Mã kênh phân phối gồm chữ cái không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang.",
                                   "An outlet code uses ASCII letters, digits, dots, underscores and dashes."),
        "outlet_kind_check": check("kind", "Loại kênh phải là supermarket, ocop_point, agent, trade_fair, ecommerce hoặc export.",
                                   "The kind must be supermarket, ocop_point, agent, trade_fair, ecommerce or export."),
        "outlet_name_check": check("name", "Tên kênh phân phối không được để trống.", "An outlet's name must not be blank."),
        "outlet_export_check": check("country", "Thị trường xuất khẩu cần mã nước; chỉ thị trường xuất khẩu có mã nước.",
                                     "An export market needs its country; only an export market has one."),
        "outlet_country_check": check("country", "Mã nước gồm 2 chữ cái theo ISO 3166-1, khác VN.", "A country is 2 letters of ISO 3166-1, not VN."),
        "outlet_importer_check": check("importer", "Chỉ thị trường xuất khẩu có nhà nhập khẩu.", "Only an export market has an importer."),
        "product_listing_pkey": integrity("listing", "listing id"),
        "product_listing_product_key": integrity("listing", "listing of a product"),
        "product_listing_product_id_fkey": reference("product", "Không có sản phẩm này", "No such product"),
        "product_listing_outlet_id_fkey": reference("outlet", "Không có kênh phân phối này", "No such outlet"),
        "product_listing_dates_check": check("ended_on", "Ngày kết thúc bán không thể trước ngày bắt đầu.", "A listing cannot end before it starts."),
        "product_listing_end_check": integrity("listing", "the end of a listing and who recorded it"),
        "product_listing_no_overlap": Entry(field: "listed_on", kind: .conflict) { _ in LocalizedText(
            vi: "Sản phẩm đã có một điểm bán tại kênh này trong thời gian này; kết thúc điểm bán cũ trước khi ghi điểm bán mới.",
            en: "The product is already listed at this outlet over this period; end that listing before recording a new one.") },
        "listing_mark_pkey": unique("date", "Điểm bán đã có nhãn OCOP ghi từ ngày này", "The listing already has an OCOP mark recorded from this day"),
        "listing_mark_listing_fkey": reference("listing", "Không có điểm bán này của sản phẩm", "No such listing of the product"),
        "listing_mark_certificate_fkey": reference("certificate", "Giấy chứng nhận không phải của sản phẩm được bán", "The certificate is not the listed product's"),
        "upgrade_claim_pkey": unique("criterion", "Hồ sơ đã ghi thay đổi cho tiêu chí này", "The dossier already claims a change on this criterion"),
        "upgrade_claim_position_key": integrity("criterion", "claim order"),
        "upgrade_claim_position_check": integrity("criterion", "claim order"),
        "upgrade_claim_dossier_id_fkey": reference("dossier", "Không có hồ sơ này", "No such dossier"),
        "upgrade_claim_criterion_check": check("criterion", "Cần nêu tiêu chí.", "The criterion is needed."),
        "upgrade_claim_claimed_points_check": check("claimed_points", "Mức điểm đề nghị phải từ 0 đến 63.", "The claimed points must be 0 to 63."),
        "upgrade_claim_change_check": check("change", "Cần mô tả nội dung thay đổi.", "Describe what changed."),
        "self_assessment_pkey": integrity("self_assessment", "self-assessment id"),
        "self_assessment_version_key": Entry(field: "sheet", kind: .conflict) { _ in LocalizedText(
            vi: "Người khác vừa ghi phiếu tự đánh giá cho hồ sơ này; không có gì được ghi, hãy thử lại.",
            en: "Someone else has just recorded a self-assessment for this dossier; nothing was written, try again.") },
        "self_assessment_version_check": integrity("self_assessment", "self-assessment version"),
        "self_assessment_dossier_id_fkey": reference("dossier", "Không có hồ sơ này", "No such dossier"),
        "self_assessment_rubric_version_fkey": reference("rubric", "Không có phiên bản bộ tiêu chí này", "No such rubric version"),
        "self_assessment_rubric_hash_fkey": reference("rubric", "Không có bộ tiêu chí đã lưu này", "No such stored rubric"),
        "self_assessment_total_check": check("sheet", "Tổng điểm phải từ 0 đến 100.", "The total must be 0 to 100."),
        "self_assessment_answer_pkey": integrity("self_assessment", "self-assessment answer"),
        "self_assessment_answer_assessment_id_fkey": integrity("self_assessment", "self-assessment answer"),
        "self_assessment_answer_points_check": check("sheet", "Điểm của một tiêu chí phải từ 0 đến 63.", "A criterion's points must be 0 to 63."),
        "self_assessment_answer_variant_check": check("sheet", "Trường hợp (Bộ 26) là 1 hoặc 2.", "The case (Bộ 26) is 1 or 2."),
        "annual_target_pkey": Entry(field: "year", kind: .conflict) { _ in LocalizedText(
            vi: "Người khác vừa ghi chỉ tiêu này; không có gì được ghi, hãy thử lại.", en: "Someone else has just recorded this target; nothing was written, try again.") },
        "annual_target_province_id_fkey": reference("province_code", "Không có tỉnh này", "No such province"),
        "annual_target_year_check": check("year", "Năm phải từ 2018 đến 2100.", "The year must be 2018 to 2100."),
        "annual_target_revision_check": integrity("year", "target revision"),
        "annual_target_products_check": check("products", "Chỉ tiêu là số sản phẩm từ 1 đến 100000.", "A target is a number of products from 1 to 100000."),

        "post_audit_pkey": integrity("audit", "inspection id"),
        "post_audit_certificate_id_fkey": reference("certificate", "Không có giấy chứng nhận này", "No such certificate"),
        "post_audit_kind_check": check("kind", "Loại hậu kiểm phải là periodic hoặc ad_hoc.", "An inspection is periodic or ad_hoc."),
        "post_audit_finding_pkey": integrity("audit", "inspection finding"),
        "post_audit_finding_audit_id_fkey": integrity("audit", "inspection finding"),
        "post_audit_finding_criterion_check": check("criterion", "Kết luận hậu kiểm nêu tiêu chí.", "A finding names its criterion."),
        "post_audit_finding_finding_check": check("finding", "Kết luận hậu kiểm không được để trống.", "A finding must not be blank."),
        "post_audit_finding_position_check": integrity("audit", "inspection finding"),
        "certificate_revocation_pkey": unique("certificate", "Giấy chứng nhận này đã bị thu hồi", "This certificate is already revoked"),
        "certificate_revocation_audit_id_fkey": reference("audit", "Không có biên bản hậu kiểm này", "No such inspection"),
        "certificate_revocation_certificate_id_fkey": reference("certificate", "Không có giấy chứng nhận này", "No such certificate"),
        "certificate_revocation_check": check("finding_on", "Ngày thu hồi không thể trước ngày phát hiện vi phạm.", "A revocation cannot precede its finding."),
        "certificate_revocation_decision_id_decision_kind_fkey": integrity("decision", "revocation decision"),
        "certificate_revocation_decision_kind_check": integrity("decision", "revocation decision"),
        "certificate_revocation_finding_check": check("finding", "Cần nêu kết luận, phát hiện vi phạm.", "The finding must be stated."),
        "certificate_revocation_ground_check": check("ground", "Căn cứ thu hồi là a, b, c, d, đ hoặc e (khoản 1 Điều 8).", "The ground is a, b, c, d, đ or e (Art. 8.1)."),

        // The audit chains (migration 0009).
        "audit_chain_pkey": integrity("audit", "audit chain"),
        "audit_chain_seq_check": integrity("audit", "audit chain"),
        "dossier_event_chain_seq_key": integrity("audit", "audit chain of dossier_event"),
        "score_sheet_chain_seq_key": integrity("audit", "audit chain of score_sheet"),
        "score_answer_chain_seq_key": integrity("audit", "audit chain of score_answer"),
        "council_result_chain_seq_key": integrity("audit", "audit chain of council_result"),
        "decision_chain_seq_key": integrity("audit", "audit chain of decision"),
        "decision_entry_chain_seq_key": integrity("audit", "audit chain of decision_entry"),
        "star_recognition_chain_seq_key": integrity("audit", "audit chain of star_recognition"),
        "post_audit_chain_seq_key": integrity("audit", "audit chain of post_audit"),
        "post_audit_finding_chain_seq_key": integrity("audit", "audit chain of post_audit_finding"),
        "certificate_revocation_chain_seq_key": integrity("audit", "audit chain of certificate_revocation"),
        "product_listing_chain_seq_key": integrity("audit", "audit chain of product_listing"),
        "listing_mark_chain_seq_key": integrity("audit", "audit chain of listing_mark"),
        "upgrade_claim_chain_seq_key": integrity("audit", "audit chain of upgrade_claim"),
        "self_assessment_chain_seq_key": integrity("audit", "audit chain of self_assessment"),
        "self_assessment_answer_chain_seq_key": integrity("audit", "audit chain of self_assessment_answer"),
        "annual_target_chain_seq_key": integrity("audit", "audit chain of annual_target"),
        "issuer_key_chain_seq_key": integrity("audit", "audit chain of issuer_key"),
        "certificate_status_entry_chain_seq_key": integrity("audit", "audit chain of certificate_status_entry"),

        // Logins (migration 0010).
        "app_user_pkey": unique("login", "Tên đăng nhập này đã được gán cho một người", "This login is already mapped to a person"),
        "app_user_person_id_fkey": reference("person", "Không có người này", "No such person"),
        "app_user_producer_id_fkey": reference("producer", "Không có chủ thể này", "No such producer"),
        "app_user_commune_pkey": unique("commune", "Cán bộ đã được giao xã này", "The officer already has this commune"),
        "app_user_commune_login_fkey": reference("login", "Không có tên đăng nhập này", "No such login"),
        "app_user_commune_commune_id_fkey": reference("commune", "Không có xã này", "No such commune"),

        // Issuer keys and status lists (0007).
        "issuer_key_pkey": unique("kid", "Khóa ký này đã được ghi nhận", "This signing key is already recorded"),
        "issuer_key_public_key_key": unique("kid", "Khóa ký này đã được ghi nhận", "This signing key is already recorded"),
        "issuer_key_issuer_code_check": check("issuer", "Cơ quan cấp là mã tỉnh 2 chữ số hoặc BNNMT.", "The issuer is a 2-digit province code or BNNMT."),
        "issuer_key_kid_check": integrity("kid", "key id"),
        "issuer_key_public_key_check": integrity("kid", "public key"),
        "issuer_key_window_check": check("valid_until", "Ngày khóa hết hạn dùng phải từ ngày bắt đầu dùng trở đi.", "A key's last day of service cannot precede its first."),
        "status_list_counter_pkey": integrity("certificate", "status list counter"),
        "status_list_counter_last_index_check": check("certificate", "Danh sách trạng thái của cơ quan cấp đã đủ 10 000 000 chỉ số.",
                                                      "The issuer's status list has used all 10,000,000 indexes."),
        "certificate_status_entry_pkey": integrity("certificate", "status list index"),
        "certificate_status_entry_certificate_fkey": reference("certificate", "Không có giấy chứng nhận này", "No such certificate"),
        "certificate_status_entry_index_check": integrity("certificate", "status list index"),
        "certificate_status_entry_index_key": integrity("certificate", "status list index"),

        // The migration ledger.
        "schema_migration_pkey": integrity("migration", "migration ledger"),
    ]
}
