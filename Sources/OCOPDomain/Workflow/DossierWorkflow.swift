import Foundation

/// Where a dossier is in the evaluation procedure of QĐ 26/2026 Art. 7 (ocop-rules.md §4.2).
public enum DossierStatus: String, Sendable, CaseIterable, Codable {
    /// Filed at the commune (1 paper + 1 electronic set).
    case submitted
    /// The commune pre-assesses (15 working days; Mẫu 03 report).
    case communeReview = "commune_review"
    /// The provincial OCOP body receives and checks the file.
    case provincialReview = "provincial_review"
    /// Sent back to the producer to complete; records what is missing.
    case returned
    /// The provincial Tổ tư vấn reviews, surveys the site, may ask for tests.
    case advisoryReview = "advisory_review"
    /// Ready for the provincial council.
    case readyForCouncil = "ready_for_council"
    /// Put on a council session's agenda.
    case councilScheduled = "council_scheduled"
    /// Scored 3★/4★: waiting for the provincial chair's recognition decision.
    case awaitingDecision = "awaiting_decision"
    /// Scored ≥ 90: the province sends it to the Ministry (BNN&MT) for 5★.
    case proposedCentral = "proposed_central"
    /// The central Tổ tư vấn / council is evaluating.
    case centralReview = "central_review"
    /// Recognised by decision; certificate issued.
    case recognised
    /// Below 3★ (or disqualified): no decision, no certificate.
    case notRecognised = "not_recognised"
    /// Withdrawn by the producer.
    case withdrawn

    public var isTerminal: Bool {
        switch self {
        case .recognised, .notRecognised, .withdrawn: true
        default: false
        }
    }

    /// Not yet on a provincial council's agenda: filed, under review, returned, or waiting for a session.
    public var beforeProvincialCouncil: Bool {
        switch self {
        case .submitted, .communeReview, .provincialReview, .returned, .advisoryReview, .readyForCouncil: true
        default: false
        }
    }

    public var label: LocalizedText {
        switch self {
        case .submitted: LocalizedText(vi: "Đã nộp hồ sơ tại UBND cấp xã", en: "Filed at the commune")
        case .communeReview: LocalizedText(vi: "UBND cấp xã đang đánh giá sơ bộ", en: "Commune pre-assessment")
        case .provincialReview: LocalizedText(vi: "Cơ quan tham mưu cấp tỉnh đang kiểm tra hồ sơ", en: "Provincial OCOP body checking the file")
        case .returned: LocalizedText(vi: "Hồ sơ được trả lại để bổ sung", en: "Returned for completion")
        case .advisoryReview: LocalizedText(vi: "Tổ tư vấn cấp tỉnh đang xem xét, khảo sát thực tế", en: "Provincial advisory team reviewing and surveying the site")
        case .readyForCouncil: LocalizedText(vi: "Chờ Hội đồng đánh giá cấp tỉnh", en: "Waiting for the provincial council")
        case .councilScheduled: LocalizedText(vi: "Đã xếp lịch họp Hội đồng đánh giá", en: "Scheduled for a council session")
        case .awaitingDecision: LocalizedText(vi: "Hội đồng đã chấm, chờ quyết định công nhận", en: "Scored by the council, awaiting the recognition decision")
        case .proposedCentral: LocalizedText(vi: "Đạt từ 90 điểm, đề xuất Bộ Nông nghiệp và Môi trường đánh giá 5 sao", en: "90 points or more: proposed to the Ministry for 5★")
        case .centralReview: LocalizedText(vi: "Hội đồng cấp trung ương đang đánh giá", en: "Under central council evaluation")
        case .recognised: LocalizedText(vi: "Đã có quyết định công nhận và giấy chứng nhận", en: "Recognised; certificate issued")
        case .notRecognised: LocalizedText(vi: "Không đạt (không ban hành quyết định công nhận)", en: "Not recognised (no decision issued)")
        case .withdrawn: LocalizedText(vi: "Chủ thể đã rút hồ sơ", en: "Withdrawn by the producer")
        }
    }

    /// A few words for tables and paths: Vietnamese words, or the state id in English.
    public func shortLabel(_ language: Language) -> String {
        guard language == .vi else { return rawValue }
        switch self {
        case .submitted: return "đã nộp"
        case .communeReview: return "xã đánh giá sơ bộ"
        case .provincialReview: return "tỉnh kiểm tra hồ sơ"
        case .returned: return "trả lại để bổ sung"
        case .advisoryReview: return "tổ tư vấn xem xét"
        case .readyForCouncil: return "chờ hội đồng"
        case .councilScheduled: return "đã xếp lịch họp"
        case .awaitingDecision: return "chờ quyết định công nhận"
        case .proposedCentral: return "đề xuất 5 sao"
        case .centralReview: return "trung ương đánh giá"
        case .recognised: return "đã công nhận"
        case .notRecognised: return "không đạt"
        case .withdrawn: return "đã rút"
        }
    }

    /// Who holds the dossier in this state.
    public var holder: LocalizedText {
        switch self {
        case .submitted, .communeReview: LocalizedText(vi: "UBND cấp xã", en: "the commune people's committee")
        case .provincialReview, .awaitingDecision, .proposedCentral:
            LocalizedText(vi: "Cơ quan tham mưu quản lý OCOP cấp tỉnh", en: "the provincial OCOP body")
        case .returned: LocalizedText(vi: "Chủ thể OCOP (cần bổ sung hồ sơ)", en: "the producer (to complete the file)")
        case .advisoryReview: LocalizedText(vi: "Tổ tư vấn cấp tỉnh", en: "the provincial advisory team")
        case .readyForCouncil, .councilScheduled: LocalizedText(vi: "Hội đồng đánh giá, phân hạng cấp tỉnh", en: "the provincial council")
        case .centralReview: LocalizedText(vi: "Bộ Nông nghiệp và Môi trường", en: "the Ministry of Agriculture and Environment")
        case .recognised, .notRecognised, .withdrawn: LocalizedText(vi: "— (đã kết thúc)", en: "— (closed)")
        }
    }

    /// What happens next, in plain words.
    public var nextStep: LocalizedText {
        switch self {
        case .submitted: LocalizedText(vi: "UBND cấp xã tiếp nhận và đánh giá sơ bộ trong 15 ngày làm việc.", en: "The commune receives the file and pre-assesses it within 15 working days.")
        case .communeReview: LocalizedText(vi: "UBND cấp xã lập báo cáo (Mẫu 03) và gửi hồ sơ lên UBND cấp tỉnh.", en: "The commune writes its report (Mẫu 03) and forwards the file to the province.")
        case .provincialReview: LocalizedText(vi: "Cơ quan tham mưu kiểm tra thành phần, nội dung hồ sơ rồi chuyển Tổ tư vấn.", en: "The provincial body checks the file and passes it to the advisory team.")
        case .returned: LocalizedText(vi: "Chủ thể bổ sung các nội dung còn thiếu và nộp lại.", en: "The producer completes what is missing and files it again.")
        case .advisoryReview: LocalizedText(vi: "Tổ tư vấn báo cáo Chủ tịch Hội đồng; hồ sơ được đưa ra Hội đồng.", en: "The advisory team reports to the council chair; the file goes to the council.")
        case .readyForCouncil: LocalizedText(vi: "Hồ sơ được xếp vào một phiên họp Hội đồng.", en: "The file is put on a council session's agenda.")
        case .councilScheduled: LocalizedText(vi: "Các thành viên Hội đồng chấm điểm theo phiếu đánh giá.", en: "The council members score the product on the official sheet.")
        case .awaitingDecision: LocalizedText(vi: "Chủ tịch UBND cấp tỉnh ban hành quyết định công nhận và cấp giấy chứng nhận.", en: "The provincial chair issues the recognition decision and certificate.")
        case .proposedCentral: LocalizedText(vi: "UBND cấp tỉnh gửi hồ sơ đề nghị Bộ Nông nghiệp và Môi trường đánh giá 5 sao.", en: "The province sends the 5★ dossier to the Ministry.")
        case .centralReview: LocalizedText(vi: "Hội đồng cấp trung ương chấm điểm; Bộ trưởng quyết định công nhận 5 sao.", en: "The central council scores; the Minister decides on 5★.")
        case .recognised: LocalizedText(vi: "Giấy chứng nhận có hiệu lực 36 tháng; nộp hồ sơ đánh giá lại từ 180 đến 120 ngày trước khi hết hạn.", en: "The certificate is valid 36 months; file for re-evaluation 180 to 120 days before it expires.")
        case .notRecognised: LocalizedText(vi: "Chủ thể có thể hoàn thiện sản phẩm và nộp hồ sơ ở kỳ đánh giá sau.", en: "The producer may improve the product and file again in a later round.")
        case .withdrawn: LocalizedText(vi: "Không còn bước nào.", en: "Nothing further.")
        }
    }
}

/// What a person can do to a dossier.
public enum DossierAction: String, Sendable, CaseIterable, Codable {
    case open
    case advance
    case returnForCompletion = "return"
    case resubmit
    case withdraw
    /// Taken by council finalization (`ocop council session finalize`), not by hand.
    case councilResult = "council_result"
    /// The council could not decide in this session (no quorum, absences, a site survey needed):
    /// back to `ready_for_council` for a later session (`ocop council session defer`).
    case `defer`
    /// The council session the dossier is on moved to another day (`ocop council session
    /// reschedule`); the dossier stays where it is.
    case reschedule
    /// A recognition decision was issued (`ocop decision issue`).
    case decision

    /// The step as a name, for histories.
    public func label(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case .open: return vi ? "mở hồ sơ" : "opened"
        case .advance: return vi ? "chuyển bước" : "advanced"
        case .returnForCompletion: return vi ? "trả lại bổ sung" : "returned"
        case .resubmit: return vi ? "nộp lại" : "resubmitted"
        case .withdraw: return vi ? "rút hồ sơ" : "withdrawn"
        case .councilResult: return vi ? "kết quả hội đồng" : "council result"
        case .defer: return vi ? "hoãn xét" : "deferred"
        case .reschedule: return vi ? "đổi lịch họp" : "rescheduled"
        case .decision: return vi ? "quyết định" : "decision"
        }
    }

    /// The step as a verb, for messages.
    public func verb(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case .open: return vi ? "mở" : "open"
        case .advance: return vi ? "chuyển tiếp" : "advance"
        case .returnForCompletion: return vi ? "trả lại để bổ sung" : "return"
        case .resubmit: return vi ? "nộp lại" : "resubmit"
        case .withdraw: return vi ? "rút" : "withdraw"
        case .councilResult: return vi ? "ghi kết quả hội đồng cho" : "record a council result for"
        case .defer: return vi ? "hoãn xét" : "defer"
        case .reschedule: return vi ? "đổi lịch họp cho" : "reschedule"
        case .decision: return vi ? "ra quyết định cho" : "decide"
        }
    }
}

/// A refused step: says where the dossier is and what is allowed from there.
public struct IllegalTransition: LocalizedFailure, Equatable {
    public let dossier: String
    public let from: DossierStatus
    public let attempted: DossierAction
    /// The state asked for, when the step names one (`advance` to a chosen branch).
    public let target: DossierStatus?
    public let allowed: [DossierStatus]
    public let reason: LocalizedText?
    public let fields: [String]

    public init(dossier: String, from: DossierStatus, attempted: DossierAction, target: DossierStatus? = nil,
                allowed: [DossierStatus], reason: LocalizedText? = nil, fields: [String] = []) {
        self.dossier = dossier
        self.from = from
        self.attempted = attempted
        self.target = target
        self.allowed = allowed
        self.reason = reason
        self.fields = fields
    }

    public var kind: ErrorKind { .invalidInput }

    public func message(_ language: Language) -> String {
        // Vietnamese shows labels only; English adds the state ids people type.
        func state(_ s: DossierStatus) -> String { language == .vi ? "«\(s.label(.vi))»" : "\(s.rawValue) (\(s.label(.en)))" }
        let allowedText = allowed.isEmpty ? (language == .vi ? "không có bước nào" : "none") : allowed.map(state).joined(separator: ", ")
        var step = attempted.verb(language)
        if let target { step += language == .vi ? " sang \(state(target))" : " to \(state(target))" }
        var text: String
        switch language {
        case .vi:
            text = "Không thể \(step) hồ sơ \(dossier): hồ sơ đang ở trạng thái \(state(from)). Các bước được phép: \(allowedText)."
        case .en:
            text = "Cannot \(step) dossier \(dossier): it is \(state(from)). Allowed next steps: \(allowedText)."
        }
        if let reason { text += " " + reason(language) }
        return text
    }
}

/// The workflow as a pure state machine: which steps are legal from which state.
public enum DossierWorkflow {
    /// The ordinary next state of `advance` by hand, when there is one. Council outcomes come
    /// from finalization, and a dossier goes on a council's agenda only with a session.
    public static func advanceTargets(from status: DossierStatus) -> [DossierStatus] {
        switch status {
        case .submitted: [.communeReview]
        case .communeReview: [.provincialReview]
        case .provincialReview: [.advisoryReview]
        case .advisoryReview: [.readyForCouncil]
        case .readyForCouncil: []  // opening a council session schedules it
        case .councilScheduled: []  // the council's finalization decides
        case .awaitingDecision: []  // only a recognition decision recognises
        case .proposedCentral: [.centralReview]
        // The central council's finalization decides: its 5★ awaits the Minister's decision, 3★/4★
        // go back to the province (Art. 7.4.g), below 3★ is not recognised.
        case .centralReview: []
        case .returned, .recognised, .notRecognised, .withdrawn: []
        }
    }

    /// States from which the dossier may be sent back for completion.
    public static func canReturn(_ status: DossierStatus) -> Bool {
        [.communeReview, .provincialReview, .advisoryReview, .readyForCouncil].contains(status)
    }

    /// Every state reachable by one step by hand (for error messages).
    public static func allowedNext(from status: DossierStatus, returnedFrom: DossierStatus?) -> [DossierStatus] {
        var next = advanceTargets(from: status)
        if status == .returned, let returnedFrom { next.append(returnedFrom) }
        if canReturn(status) { next.append(.returned) }
        if status == .councilScheduled { next.append(.readyForCouncil) }  // deferral to a later session
        if !status.isTerminal { next.append(.withdrawn) }
        return next
    }

    /// The result of one step: the new state, and (for a return) where it came back from.
    public struct Step: Sendable, Equatable {
        public let from: DossierStatus
        public let to: DossierStatus
        public let action: DossierAction
        public let returnedFrom: DossierStatus?
    }

    private static func refuse(_ dossier: String, _ status: DossierStatus, _ returnedFrom: DossierStatus?, _ action: DossierAction,
                               target: DossierStatus? = nil, allowed: [DossierStatus]? = nil, reason: LocalizedText? = nil,
                               fields: [String] = []) -> DomainError {
        .illegalTransition(IllegalTransition(dossier: dossier, from: status, attempted: action, target: target,
                                             allowed: allowed ?? allowedNext(from: status, returnedFrom: returnedFrom), reason: reason, fields: fields))
    }

    /// `advance`, optionally to a chosen target when the state branches.
    public static func advance(dossier: String, from status: DossierStatus, returnedFrom: DossierStatus?, to requested: DossierStatus? = nil) throws(DomainError) -> Step {
        if status == .returned {
            guard let back = returnedFrom, requested == nil || requested == back else {
                throw refuse(dossier, status, returnedFrom, .advance, target: requested)
            }
            return Step(from: status, to: back, action: .resubmit, returnedFrom: nil)
        }
        let targets = advanceTargets(from: status)
        if status == .councilScheduled {
            throw refuse(dossier, status, returnedFrom, .advance, target: requested, reason: LocalizedText(
                vi: "Kết quả do Hội đồng quyết định khi kết thúc phiên họp; muốn xét ở phiên sau thì hoãn xét hồ sơ tại phiên họp.",
                en: "The council's finalization decides the outcome; to put it off to a later session, defer it from the session."))
        }
        if status == .readyForCouncil {
            throw refuse(dossier, status, returnedFrom, .advance, target: requested, reason: LocalizedText(
                vi: "Hồ sơ được xếp lịch khi mở một phiên họp Hội đồng có hồ sơ này.",
                en: "A dossier is scheduled by opening a council session with it on the agenda."))
        }
        if status == .awaitingDecision {
            throw refuse(dossier, status, returnedFrom, .advance, target: requested, reason: LocalizedText(
                vi: "Hồ sơ được công nhận khi cấp có thẩm quyền ban hành quyết định công nhận (Chủ tịch UBND cấp tỉnh cho 3★, 4★; Bộ trưởng Bộ Nông nghiệp và Môi trường cho 5★).",
                en: "A dossier is recognised when the competent authority issues the recognition decision (the provincial chair for 3★/4★, the Minister of Agriculture and Environment for 5★)."))
        }
        if status == .centralReview {
            throw refuse(dossier, status, returnedFrom, .advance, target: requested, reason: LocalizedText(
                vi: "Kết quả do Hội đồng cấp trung ương quyết định khi kết thúc phiên họp.",
                en: "The central council's finalization decides the outcome."))
        }
        let target: DossierStatus
        if let requested {
            guard targets.contains(requested) else { throw refuse(dossier, status, returnedFrom, .advance, target: requested) }
            target = requested
        } else if targets.count == 1 {
            target = targets[0]
        } else {
            throw refuse(dossier, status, returnedFrom, .advance, reason: targets.count > 1
                ? LocalizedText(vi: "Trạng thái này có nhiều hướng: chọn trạng thái đích.", en: "This state branches: choose the target state.")
                : nil, fields: targets.count > 1 ? ["to"] : [])
        }
        return Step(from: status, to: target, action: .advance, returnedFrom: nil)
    }

    /// Send back for completion; `missing` must name at least one thing.
    public static func returnForCompletion(dossier: String, from status: DossierStatus, returnedFrom: DossierStatus?, missing: [String]) throws(DomainError) -> Step {
        guard canReturn(status) else { throw refuse(dossier, status, returnedFrom, .returnForCompletion) }
        guard missing.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw refuse(dossier, status, returnedFrom, .returnForCompletion,
                         reason: LocalizedText(vi: "Phải ghi rõ nội dung cần bổ sung.", en: "Say what is missing."), fields: ["missing"])
        }
        return Step(from: status, to: .returned, action: .returnForCompletion, returnedFrom: status)
    }

    public static func withdraw(dossier: String, from status: DossierStatus, returnedFrom: DossierStatus?) throws(DomainError) -> Step {
        guard !status.isTerminal else { throw refuse(dossier, status, returnedFrom, .withdraw, allowed: []) }
        return Step(from: status, to: .withdrawn, action: .withdraw, returnedFrom: nil)
    }

    /// Defers a scheduled dossier to a later session: back to `ready_for_council`. Only from
    /// `council_scheduled` (a decided dossier cannot be deferred), and always with a reason.
    public static func `defer`(dossier: String, from status: DossierStatus, returnedFrom: DossierStatus?, reason: String) throws(DomainError) -> Step {
        guard status == .councilScheduled else {
            throw refuse(dossier, status, returnedFrom, .defer, reason: LocalizedText(
                vi: "Chỉ hoãn được hồ sơ đã xếp lịch họp Hội đồng.", en: "Only a dossier scheduled for a council session can be deferred."))
        }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw refuse(dossier, status, returnedFrom, .defer, reason: LocalizedText(vi: "Phải ghi rõ lý do hoãn.", en: "Say why it is deferred."),
                         fields: ["reason"])
        }
        return Step(from: status, to: .readyForCouncil, action: .defer, returnedFrom: nil)
    }

    /// A provincial council session puts the dossier on its agenda (the only way into
    /// `council_scheduled`, so a scheduled dossier always has a session).
    public static func schedule(dossier: String, from status: DossierStatus) throws(DomainError) -> Step {
        guard status == .readyForCouncil else {
            throw refuse(dossier, status, nil, .advance, target: .councilScheduled, allowed: [], reason: LocalizedText(
                vi: "Chỉ hồ sơ đang chờ Hội đồng mới được đưa vào phiên họp.", en: "Only a dossier waiting for the council can go on a session's agenda."))
        }
        return Step(from: status, to: .councilScheduled, action: .advance, returnedFrom: nil)
    }

    /// The council's outcome for a scheduled dossier (used by finalization).
    public static func councilResult(dossier: String, from status: DossierStatus, to outcome: DossierStatus) throws(DomainError) -> Step {
        let outcomes: [DossierStatus] = [.awaitingDecision, .proposedCentral, .notRecognised]
        guard status == .councilScheduled, outcomes.contains(outcome) else {
            throw refuse(dossier, status, nil, .councilResult, target: outcome, allowed: status == .councilScheduled ? outcomes : [])
        }
        return Step(from: status, to: outcome, action: .councilResult, returnedFrom: nil)
    }

    /// A recognition decision's outcome for a dossier awaiting it: recognised, or — for an upgrade
    /// whose result is not above the certificate it rests on — not recognised (the upgrade is not
    /// granted; the certificate stays).
    public static func decide(dossier: String, from status: DossierStatus, to outcome: DossierStatus) throws(DomainError) -> Step {
        let outcomes: [DossierStatus] = [.recognised, .notRecognised]
        guard status == .awaitingDecision, outcomes.contains(outcome) else {
            throw refuse(dossier, status, nil, .decision, target: outcome, allowed: status == .awaitingDecision ? outcomes : [])
        }
        return Step(from: status, to: outcome, action: .decision, returnedFrom: nil)
    }

    /// A central council's outcome (the dossier stays `central_review` until then): a decision of
    /// the Minister (5★) or of the province (3★/4★, Art. 7.4.g) awaits, or not recognised.
    public static func centralResult(dossier: String, from status: DossierStatus, to outcome: DossierStatus) throws(DomainError) -> Step {
        let outcomes: [DossierStatus] = [.awaitingDecision, .notRecognised]
        guard status == .centralReview, outcomes.contains(outcome) else {
            throw refuse(dossier, status, nil, .councilResult, target: outcome, allowed: status == .centralReview ? outcomes : [])
        }
        return Step(from: status, to: outcome, action: .councilResult, returnedFrom: nil)
    }
}
