import OCOPDomain

/// Failures of council work, phrased for a council secretary.
public enum CouncilError: LocalizedFailure, Equatable {
    case unknownCouncil(String)
    case unknownPerson(String)
    case unknownSession(String)
    case duplicateCouncil(String)
    case invalidPolicy([LocalizedText])
    case notAMember(person: String, council: String)
    case secondChair(council: String, existing: String)
    case doesNotScore(person: String, role: CouncilRole)
    case absent(person: String, session: String)
    case recused(person: String, dossier: String)
    case dossierNotReady(dossier: String, status: DossierStatus, needed: DossierStatus)
    case dossierTwice(String)
    case noDossiers
    case dossierNotOnSession(dossier: String, session: String)
    case dossierNotInOpenSession(String)
    case alreadyDecided(dossier: String)
    case sessionFinalized(String)
    case alreadySubmitted(person: String, dossier: String, version: Int)
    case correctionNeedsReason(person: String, dossier: String)
    case nothingToCorrect(person: String, dossier: String)
    case paperNeedsReference
    case notChair(person: String)
    case unknownFlag(dossier: String, flag: String, raised: [String])
    case flagNotOverridable(String)
    case finalizationBlocked([Blocked])
    case emptyReason(String)
    /// The clause is not a knock-out of the dossier's frozen product set; `allowed` are the ones it has.
    case notAKnockOutClause(dossier: String, productSet: Int, clause: String, allowed: [String])
    case knockOutAlreadyDecided(dossier: String, clause: String)
    case noSuchKnockOut(dossier: String, clause: String, standing: [String])
    case knockOutNotOverridable(String)
    /// `--by` is needed: more than one person may preside (the chair is recused, two vice-chairs).
    case presidingChairNeeded(dossier: String)
    case dossierDeferred(dossier: String, session: String)

    public struct Blocked: Sendable, Equatable {
        public let dossier: String
        public let problems: [LocalizedText]
        public init(dossier: String, problems: [LocalizedText]) {
            self.dossier = dossier
            self.problems = problems
        }
    }

    public func message(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case .unknownCouncil(let c): return vi ? "Không có hội đồng \(c)." : "No council \(c)."
        case .unknownPerson(let p): return vi ? "Không có người mã \(p) (thêm bằng ocop council member add … --name)." : "No person with code \(p) (add one with ocop council member add … --name)."
        case .unknownSession(let s): return vi ? "Không có phiên họp \(s)." : "No council session \(s)."
        case .duplicateCouncil(let c): return vi ? "Hội đồng \(c) đã tồn tại." : "Council \(c) already exists."
        case .invalidPolicy(let problems):
            return (vi ? "Quy chế không hợp lệ: " : "Invalid policy: ") + problems.map { $0(language) }.joined(separator: "; ")
        case .notAMember(let p, let c): return vi ? "\(p) không phải thành viên hội đồng \(c)." : "\(p) is not a member of council \(c)."
        case .secondChair(let c, let existing): return vi ? "Hội đồng \(c) đã có Chủ tịch (\(existing))." : "Council \(c) already has a chair (\(existing))."
        case .doesNotScore(let p, let role):
            return vi ? "\(p) (\(role.label(.vi))) không chấm điểm theo quy chế của hội đồng." : "\(p) (\(role.label(.en))) does not score under the council's policy."
        case .absent(let p, let s): return vi ? "\(p) vắng mặt tại phiên \(s): không chấm được (ghi nhận có mặt bằng ocop council session attendance)." : "\(p) is absent from session \(s) and cannot score (record attendance with ocop council session attendance)."
        case .recused(let p, let d): return vi ? "\(p) đã khai báo xung đột lợi ích với hồ sơ \(d): không được chấm hồ sơ này." : "\(p) has declared a conflict of interest for dossier \(d) and cannot score it."
        case .dossierNotReady(let d, let status, let needed):
            return vi ? "Hồ sơ \(d) đang ở trạng thái \(status.rawValue) (\(status.label(.vi))); chỉ đưa ra hội đồng hồ sơ ở trạng thái \(needed.rawValue)."
                : "Dossier \(d) is \(status.rawValue) (\(status.label(.en))); only \(needed.rawValue) dossiers can go before this council."
        case .dossierTwice(let d): return vi ? "Hồ sơ \(d) được nêu hai lần." : "Dossier \(d) is listed twice."
        case .noDossiers: return vi ? "Phiên họp cần ít nhất một hồ sơ (--dossier)." : "A session needs at least one dossier (--dossier)."
        case .dossierNotOnSession(let d, let s): return vi ? "Hồ sơ \(d) không thuộc phiên họp \(s)." : "Dossier \(d) is not on session \(s)."
        case .dossierNotInOpenSession(let d): return vi ? "Hồ sơ \(d) không thuộc phiên họp nào đang mở." : "Dossier \(d) is not on any open council session."
        case .alreadyDecided(let d): return vi ? "Hội đồng đã kết luận hồ sơ \(d): không nhận thêm phiếu." : "The council has already concluded dossier \(d): no more sheets."
        case .sessionFinalized(let s): return vi ? "Phiên họp \(s) đã kết thúc." : "Session \(s) is finalized."
        case .alreadySubmitted(let p, let d, let v):
            return vi ? "\(p) đã nộp phiếu cho hồ sơ \(d) (phiên bản \(v)); phiếu đã nộp không sửa được. Muốn đính chính: nộp phiên bản mới kèm --reason."
                : "\(p) has already submitted a sheet for \(d) (version \(v)); submitted sheets are immutable. To correct it, submit a new version with --reason."
        case .correctionNeedsReason(let p, let d): return vi ? "Đính chính phiếu của \(p) cho hồ sơ \(d) cần lý do (--reason)." : "A correction of \(p)'s sheet for \(d) needs a reason (--reason)."
        case .nothingToCorrect(let p, let d): return vi ? "\(p) chưa nộp phiếu nào cho hồ sơ \(d): bỏ --reason." : "\(p) has no sheet for \(d) yet: drop --reason."
        case .paperNeedsReference: return vi ? "Phiếu giấy cần cả --entered-by và --paper-ref." : "A paper sheet needs both --entered-by and --paper-ref."
        case .notChair(let p): return vi ? "\(p) không phải Chủ tịch (hoặc Phó Chủ tịch điều hành) của hội đồng." : "\(p) is not the council's chair (or presiding vice-chair)."
        case .unknownFlag(let d, let f, let raised):
            let list = raised.isEmpty ? (vi ? "không có" : "none") : raised.joined(separator: ", ")
            return vi ? "Hồ sơ \(d) không có cảnh báo \(f) (hiện có: \(list))." : "Dossier \(d) has no flag \(f) (raised: \(list))."
        case .flagNotOverridable(let f): return vi ? "Cảnh báo \(f) không thể bỏ qua: cần đủ túc số." : "Flag \(f) cannot be overridden: a quorum is required."
        case .finalizationBlocked(let blocked):
            let head = vi ? "Chưa kết thúc được phiên họp, \(blocked.count) hồ sơ còn vướng (không có gì được ghi):"
                : "Cannot finalize: \(blocked.count) dossier(s) blocked (nothing was written):"
            return ([head] + blocked.map { b in "  \(b.dossier): " + b.problems.map { $0(language) }.joined(separator: "; ") }).joined(separator: "\n")
        case .emptyReason(let what): return vi ? "Cần ghi rõ lý do (\(what))." : "A reason is required (\(what))."
        case let .notAKnockOutClause(d, set, clause, allowed):
            let list = allowed.isEmpty ? (vi ? "không có" : "none") : allowed.joined(separator: ", ")
            return vi ? "«\(clause)» không phải điều khoản loại của Bộ \(set) (bộ tiêu chí của hồ sơ \(d)). Các điều khoản loại: \(list)."
                : "«\(clause)» is no knock-out clause of set \(set) (the rubric of dossier \(d)). Knock-out clauses: \(list)."
        case let .knockOutAlreadyDecided(d, clause):
            return vi ? "Hội đồng đã quyết định loại hồ sơ \(d) theo \(clause)." : "The council has already disqualified \(d) under \(clause)."
        case let .noSuchKnockOut(d, clause, standing):
            let list = standing.isEmpty ? (vi ? "không có" : "none") : standing.joined(separator: ", ")
            return vi ? "Hồ sơ \(d) không có quyết định loại theo \(clause) để rút lại (hiện có: \(list))."
                : "Dossier \(d) has no knock-out under \(clause) to withdraw (standing: \(list))."
        case .knockOutNotOverridable(let f):
            return vi ? "\(f) là quyết định loại của Hội đồng, không phải cảnh báo: rút lại bằng ocop council session knockout … --withdraw."
                : "\(f) is the council's knock-out decision, not a warning: withdraw it with ocop council session knockout … --withdraw."
        case .presidingChairNeeded(let d):
            return vi ? "Cần nêu người quyết định (--by): Chủ tịch, hoặc Phó Chủ tịch điều hành khi Chủ tịch không chấm hồ sơ \(d)."
                : "Name who decided (--by): the chair, or the presiding vice-chair when the chair is recused from \(d)."
        case let .dossierDeferred(d, s):
            return vi ? "Hồ sơ \(d) đã được hoãn khỏi phiên \(s): không ghi thêm gì cho hồ sơ này ở phiên đó (đưa vào phiên sau)."
                : "Dossier \(d) was deferred from session \(s): nothing more is recorded for it there (put it on a later session)."
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .unknownCouncil, .unknownPerson, .unknownSession: 66
        default: 65
        }
    }
}
