import OCOPDomain
import OCOPModels
import Postgres

/// The kinds of record a lookup can miss.
public enum RecordKind: String, Sendable, Hashable {
    case province, commune, producer, product, dossier, rubricVersion, council, person, session, file
    case decision, certificate, issuerKey, listing, outlet, user

    public func label(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case .province: return vi ? "tỉnh/thành phố" : "province"
        case .commune: return vi ? "xã/phường" : "commune"
        case .producer: return vi ? "chủ thể" : "producer"
        case .product: return vi ? "sản phẩm" : "product"
        case .dossier: return vi ? "hồ sơ" : "dossier"
        case .rubricVersion: return vi ? "phiên bản bộ tiêu chí" : "rubric version"
        case .council: return vi ? "hội đồng" : "council"
        case .person: return vi ? "người có mã" : "person with code"
        case .session: return vi ? "phiên họp" : "council session"
        case .file: return vi ? "tệp" : "file"
        case .decision: return vi ? "quyết định" : "decision"
        case .certificate: return vi ? "giấy chứng nhận" : "certificate"
        case .issuerKey: return vi ? "khóa ký" : "signing key"
        case .listing: return vi ? "điểm bán" : "listing"
        case .outlet: return vi ? "kênh phân phối" : "outlet"
        case .user: return vi ? "người dùng" : "user"
        }
    }
}

/// One bad line of an imported file.
public struct ImportProblem: Sendable, Hashable {
    public let line: Int
    public let reason: LocalizedText
    /// The input the problem is about beyond the line itself (`update` when a record differs
    /// from the stored one and only the update mode may change it).
    public let field: String?

    public init(line: Int, reason: LocalizedText, field: String? = nil) {
        self.line = line
        self.reason = reason
        self.field = field
    }

    public func message(_ language: Language) -> String {
        (language == .vi ? "dòng \(line): " : "line \(line): ") + reason(language)
    }
}

/// The one error type of the store, phrased for a council secretary or a producer. Messages
/// name records and values, never SQL or command-line flags; `fields` names the inputs concerned.
public enum StoreError: LocalizedFailure, Equatable {
    // Lookups and duplicates.
    case notFound(RecordKind, String)
    case duplicateRegistration(registrationNo: String, existingName: String)
    case duplicateProduct(name: String, producer: String)
    case duplicateProductCode(String)
    case duplicateCouncil(String)
    case openDossierExists(product: String, dossier: String)
    /// The dossier is evaluated under a rubric version the program holds as metadata only.
    case rubricWithoutTables(version: String, dossier: String)
    case invalid(field: String, value: String, reason: LocalizedText)
    case missing(field: String, what: LocalizedText)
    case importFailed(file: String, problems: [ImportProblem])

    // Councils and sessions.
    case invalidPolicy([LocalizedText])
    case notAMember(person: String, council: String)
    case secondChair(council: String, existing: String)
    case dossierNotReady(dossier: String, status: DossierStatus, needed: DossierStatus)
    case dossierTwice(String)
    /// On the agenda of a session that has not decided it (defer it there to move it).
    case dossierOnAnotherSession(dossier: String, session: String)
    case noDossiers
    case dossierNotOnSession(dossier: String, session: String)
    case dossierNotInOpenSession(String)
    case alreadyDecided(dossier: String)
    case sessionFinalized(String)
    /// The session's day is after today: nothing can be concluded (or recorded as met) yet.
    case sessionNotYetHeld(session: String, heldOn: CalendarDate, today: CalendarDate)
    case paperNeedsReference
    case notChair(person: String)
    case unknownFlag(dossier: String, flag: String, raised: [String])
    case flagNotOverridable(String)
    case finalizationBlocked([Blocked])
    case notAKnockOutClause(dossier: String, productSet: Int, clause: String, allowed: [String])
    case knockOutAlreadyDecided(dossier: String, clause: String)
    case noSuchKnockOut(dossier: String, clause: String, standing: [String])
    case knockOutNotOverridable(String)
    /// More than one person may preside (the chair is recused, two vice-chairs): name who decided.
    case presidingChairNeeded(dossier: String)
    case dossierDeferred(dossier: String, session: String)
    /// The council's composition is frozen while one of its sessions is open.
    case councilInSession(council: String, session: String)

    // Decisions, certificates and the calendar.
    case decisionNumberTaken(issuer: String, year: Int, number: String, decidedOn: CalendarDate)
    case notAwaitingDecision(dossier: String, status: DossierStatus, decision: String?)
    case decisionBlocked([Blocked])
    case nothingToDecide(authority: String, on: CalendarDate)
    case ambiguousDecision(number: String, matches: [String])
    case certificateAlreadyRevoked(certificate: String, decision: String, on: CalendarDate)
    case notCompetentProvince(certificate: String, given: String, competent: String)
    case auditOfAnotherCertificate(audit: Int, certificate: String)
    case groundNotSupported(audit: Int, ground: String, supported: [String])
    case noDecisionRecord(certificate: String)
    case writtenOpinionsOnlyForReEvaluation(dossiers: [String])
    case meetingRequired(session: String, flag: String)
    case notWrittenOpinions(session: String)
    case extraRoundExists(String)

    // Schema and migrations.
    case migrationsMissing(String)
    case badMigrationFile(String)
    case duplicateMigration(Int)
    case migrationChanged(version: Int, name: String, applied: String, file: String)
    case unknownMigration(version: Int, name: String)
    case schemaOutOfDate(pending: [String])

    // The server and the embedded cluster.
    case unavailable(target: String, reason: String)
    /// The configured URL holds an unencoded "@" or "/" in its password (or database name).
    case unencodedDatabaseURL(target: String)
    /// The connection broke in the middle of the work (the server was stopped or killed).
    case connectionLost(String)
    case postgresProgramsMissing
    case noServerUser
    case serverToolFailed(tool: String, status: Int32, output: String)
    case clusterIO(String)
    /// The configured login has no office role (or the database predates the access rules).
    case loginWithoutAccess
    /// The configured login is a superuser or the owner: the application refuses to work as one.
    case privilegedLogin(String)
    /// Emptying the database needs its administrator (the append-only tables refuse it otherwise).
    case resetNeedsAdministrator
    /// The audit chains do not match their rows.
    case auditBroken([AuditBreak])
    /// A stored value this program does not know (a newer program wrote it, or someone edited it).
    case corruptStoredValue(table: String, column: String, value: String)
    /// A constraint of the schema refused a value (ConstraintCatalog says what it means).
    case rejected(constraint: String, field: String, value: String?, kind: ErrorKind, reason: LocalizedText)
    /// Two people changed the same records at the same moment; nothing was written.
    case concurrentChange
    /// A database failure with no better explanation; never holds SQL text.
    case database(sqlState: String, message: String, constraint: String?)

    public struct Blocked: Sendable, Hashable {
        public let dossier: String
        public let problems: [LocalizedText]
        public init(dossier: String, problems: [LocalizedText]) {
            self.dossier = dossier
            self.problems = problems
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .notFound: .notFound
        case .duplicateRegistration, .duplicateProduct, .duplicateProductCode, .duplicateCouncil, .openDossierExists, .secondChair,
             .alreadyDecided, .sessionFinalized, .dossierOnAnotherSession, .knockOutAlreadyDecided, .dossierDeferred, .councilInSession, .decisionNumberTaken, .certificateAlreadyRevoked,
             .extraRoundExists: .conflict
        case .migrationsMissing, .badMigrationFile, .duplicateMigration, .migrationChanged, .unknownMigration, .schemaOutOfDate: .configuration
        case .unavailable, .connectionLost, .postgresProgramsMissing, .noServerUser, .serverToolFailed, .clusterIO: .unavailable
        case .corruptStoredValue: .internal
        case .resetNeedsAdministrator, .privilegedLogin, .loginWithoutAccess, .unencodedDatabaseURL: .configuration
        case .auditBroken: .invalidInput
        case .rejected(_, _, _, let kind, _): kind
        case .concurrentChange: .conflict
        case .database(let state, _, _):
            state.hasPrefix("22") || state.hasPrefix("23") ? .invalidInput
                : state.hasPrefix("08") || state.hasPrefix("53") || state.hasPrefix("57") ? .unavailable
                : state == "42501" ? .configuration : .internal
        default: .invalidInput
        }
    }

    public var fields: [String] {
        switch self {
        case .invalid(let field, _, _), .missing(let field, _): [field]
        case .rejected(_, let field, _, _, _): field.isEmpty ? [] : [field]
        case .paperNeedsReference: ["entered_by", "paper_ref"]
        case .presidingChairNeeded: ["by"]
        case .noDossiers: ["dossier"]
        case .importFailed(_, let problems): Array(Set(problems.compactMap(\.field))).sorted()
        case .notChair: ["chair"]
        case .unknownFlag, .flagNotOverridable: ["flag"]
        case .notAKnockOutClause, .noSuchKnockOut: ["clause"]
        case .decisionNumberTaken: ["number"]
        case .notCompetentProvince: ["authority"]
        case .groundNotSupported: ["ground"]
        case .ambiguousDecision: ["authority", "year"]
        case .auditOfAnotherCertificate: ["audit"]
        case .writtenOpinionsOnlyForReEvaluation: ["mode"]
        default: []
        }
    }

    public func message(_ language: Language) -> String {
        let vi = language == .vi
        func list(_ items: [String]) -> String { items.isEmpty ? (vi ? "không có" : "none") : items.joined(separator: ", ") }
        switch self {
        case let .notFound(kind, key):
            return vi ? "Không tìm thấy \(kind.label(.vi)) \(key)." : "No \(kind.label(.en)) \(key)."
        case let .duplicateRegistration(number, name):
            return vi ? "Mã số thuế/đăng ký \(number) đã được đăng ký cho \(name)." : "Registration/tax number \(number) is already registered to \(name)."
        case let .duplicateProduct(name, producer):
            return vi ? "Chủ thể \(producer) đã có sản phẩm tên \"\(name)\"." : "Producer \(producer) already has a product named \"\(name)\"."
        case let .duplicateProductCode(code):
            return vi ? "Mã sản phẩm \(code) đã tồn tại." : "Product code \(code) already exists."
        case let .duplicateCouncil(code):
            return vi ? "Hội đồng \(code) đã tồn tại." : "Council \(code) already exists."
        case let .openDossierExists(product, dossier):
            return vi ? "Sản phẩm \(product) đã có hồ sơ \(dossier) đang xử lý trong kỳ này." : "Product \(product) already has dossier \(dossier) open in this round."
        case let .rubricWithoutTables(id, dossier):
            return vi ? "Hồ sơ \(dossier) được đánh giá theo bộ tiêu chí \(id); chương trình chỉ có thông tin mô tả của phiên bản này, không có bảng điểm: không thể chấm theo phiên bản này."
                : "Dossier \(dossier) is evaluated under rubric version \(id), which the program holds as metadata only, without point tables: it cannot be scored against."
        case let .invalid(field, value, reason):
            return DomainError.invalidValue(field: field, value: value, reason: reason).message(language)
        case let .missing(field, what):
            return DomainError.missingValue(field: field, what: what).message(language)
        case let .importFailed(file, problems):
            let header = vi ? "Không nhập được \(file): \(problems.count) lỗi, không có dòng nào được ghi."
                : "Nothing imported from \(file): \(englishCount(problems.count, "problem")), no row was written."
            return ([header] + problems.map { "  " + $0.message(language) }).joined(separator: "\n")
        case let .invalidPolicy(problems):
            return (vi ? "Quy chế không hợp lệ: " : "Invalid policy: ") + problems.map { $0(language) }.joined(separator: "; ")
        case let .notAMember(p, c):
            return vi ? "\(p) không phải thành viên hội đồng \(c)." : "\(p) is not a member of council \(c)."
        case let .secondChair(c, existing):
            return vi ? "Hội đồng \(c) đã có Chủ tịch (\(existing))." : "Council \(c) already has a chair (\(existing))."
        case let .dossierNotReady(d, status, needed):
            return vi ? "Hồ sơ \(d) đang ở trạng thái «\(status.label(.vi))»; chỉ đưa ra hội đồng hồ sơ ở trạng thái «\(needed.label(.vi))»."
                : "Dossier \(d) is \(status.rawValue) (\(status.label(.en))); only \(needed.rawValue) dossiers can go before this council."
        case let .dossierOnAnotherSession(d, session):
            return vi ? "Hồ sơ \(d) đã được xếp vào phiên \(session), chưa kết luận; muốn xét ở phiên khác thì hoãn xét hồ sơ ở phiên \(session) trước."
                : "Dossier \(d) is on the agenda of session \(session), not yet decided; to take it to another session, defer it from session \(session) first."
        case let .dossierTwice(d):
            return vi ? "Hồ sơ \(d) được nêu hai lần." : "Dossier \(d) is listed twice."
        case .noDossiers:
            return vi ? "Phiên họp cần ít nhất một hồ sơ." : "A session needs at least one dossier."
        case let .dossierNotOnSession(d, s):
            return vi ? "Hồ sơ \(d) không thuộc phiên họp \(s)." : "Dossier \(d) is not on session \(s)."
        case let .dossierNotInOpenSession(d):
            return vi ? "Hồ sơ \(d) không thuộc phiên họp nào đang mở." : "Dossier \(d) is not on any open council session."
        case let .alreadyDecided(d):
            return vi ? "Hội đồng đã kết luận hồ sơ \(d)." : "The council has already concluded dossier \(d)."
        case let .sessionFinalized(s):
            return vi ? "Phiên họp \(s) đã kết thúc." : "Session \(s) is finalized."
        case let .sessionNotYetHeld(s, heldOn, today):
            return vi ? "Phiên họp \(s) họp ngày \(heldOn.display(.vi)): chưa thể kết luận trước ngày đó (hôm nay là \(today.display(.vi)))."
                : "Session \(s) meets on \(heldOn.display(.en)): nothing can be concluded before that day (today is \(today.display(.en)))."
        case .paperNeedsReference:
            return vi ? "Phiếu giấy cần cả người nhập và số phiếu giấy." : "A paper sheet needs both who transcribed it and its reference."
        case let .notChair(p):
            return vi ? "\(p) không phải Chủ tịch (hoặc Phó Chủ tịch điều hành) của hội đồng." : "\(p) is not the council's chair (or presiding vice-chair)."
        case let .unknownFlag(d, f, raised):
            return vi ? "Hồ sơ \(d) không có cảnh báo \(f) (hiện có: \(list(raised)))." : "Dossier \(d) has no flag \(f) (raised: \(list(raised)))."
        case let .flagNotOverridable(f):
            return vi ? "Cảnh báo \(f) không thể bỏ qua: cần đủ túc số." : "Flag \(f) cannot be overridden: a quorum is required."
        case let .finalizationBlocked(blocked):
            let head = vi ? "Chưa kết thúc được phiên họp, \(blocked.count) hồ sơ còn vướng (không có gì được ghi):"
                : "Cannot finalize: \(englishCount(blocked.count, "dossier")) blocked (nothing was written):"
            return ([head] + blocked.map { b in "  \(b.dossier): " + b.problems.map { $0(language) }.joined(separator: "; ") }).joined(separator: "\n")
        case let .notAKnockOutClause(d, set, clause, allowed):
            return vi ? "«\(clause)» không phải điều khoản loại của Bộ \(set) (bộ tiêu chí của hồ sơ \(d)). Các điều khoản loại: \(list(allowed))."
                : "«\(clause)» is no knock-out clause of set \(set) (the rubric of dossier \(d)). Knock-out clauses: \(list(allowed))."
        case let .knockOutAlreadyDecided(d, clause):
            return vi ? "Hội đồng đã quyết định loại hồ sơ \(d) theo \(clause)." : "The council has already disqualified \(d) under \(clause)."
        case let .noSuchKnockOut(d, clause, standing):
            return vi ? "Hồ sơ \(d) không có quyết định loại theo \(clause) để rút lại (hiện có: \(list(standing)))."
                : "Dossier \(d) has no knock-out under \(clause) to withdraw (standing: \(list(standing)))."
        case let .knockOutNotOverridable(f):
            return vi ? "\(f) là quyết định loại của Hội đồng, không phải cảnh báo: muốn thay đổi thì rút lại quyết định loại."
                : "\(f) is the council's knock-out decision, not a warning: withdraw the knock-out instead."
        case let .presidingChairNeeded(d):
            return vi ? "Cần nêu người quyết định: Chủ tịch, hoặc Phó Chủ tịch điều hành khi Chủ tịch không chấm hồ sơ \(d)."
                : "Name who decided: the chair, or the presiding vice-chair when the chair is recused from \(d)."
        case let .dossierDeferred(d, s):
            return vi ? "Hồ sơ \(d) đã được hoãn khỏi phiên \(s): không ghi thêm gì cho hồ sơ này ở phiên đó (đưa vào phiên sau)."
                : "Dossier \(d) was deferred from session \(s): nothing more is recorded for it there (put it on a later session)."
        case let .councilInSession(c, session):
            return vi ? "Hội đồng \(c) đang có phiên họp \(session) chưa kết thúc: thành phần và vai trò thành viên giữ nguyên cho đến khi phiên kết thúc."
                : "Council \(c) has session \(session) open: its members and their roles stay as they are until the session is finalized."
        case let .decisionNumberTaken(issuer, year, number, decidedOn):
            return vi ? "Số quyết định \(number) năm \(year) của cơ quan \(issuer) đã được dùng (quyết định ngày \(decidedOn.display(.vi))); số và ký hiệu là duy nhất trong năm (Điều 15 Nghị định 30/2020/NĐ-CP)."
                : "Decision number \(number) of \(year) of issuer \(issuer) is already used (decision of \(decidedOn.display(.en))); numbers are unique per issuer and year (Decree 30/2020 Art. 15)."
        case let .notAwaitingDecision(d, status, decision):
            if let decision {
                return vi ? "Hồ sơ \(d) đã có quyết định \(decision): mỗi hồ sơ chỉ có một quyết định công nhận."
                    : "Dossier \(d) already has decision \(decision): a dossier gets one recognition decision."
            }
            return vi ? "Hồ sơ \(d) không chờ quyết định công nhận của cơ quan này: hồ sơ đang ở trạng thái «\(status.label(.vi))»."
                : "Dossier \(d) is not awaiting a recognition decision of this authority: it is \(status.rawValue) (\(status.label(.en)))."
        case let .decisionBlocked(blocked):
            let head = vi ? "Không ban hành được quyết định, \(blocked.count) hồ sơ không thể công nhận (không có gì được ghi; có thể chỉ nêu các hồ sơ được công nhận):"
                : "Cannot issue the decision: \(englishCount(blocked.count, "dossier")) cannot be recognised (nothing was written; the decision may name only the dossiers it recognises):"
            return ([head] + blocked.map { b in "  \(b.dossier): " + b.problems.map { $0(language) }.joined(separator: "; ") }).joined(separator: "\n")
        case let .nothingToDecide(authority, on):
            let who = IssuingAuthority(code: authority)?.label(language) ?? authority
            return vi ? "Không có hồ sơ nào chờ quyết định của \(who) vào ngày \(on.display(.vi))."
                : "No dossier awaits a decision of the \(who) on \(on.display(.en))."
        case let .ambiguousDecision(number, matches):
            return vi ? "Có nhiều quyết định số \(number): \(list(matches)). Nêu cơ quan ban hành và năm."
                : "Several decisions are numbered \(number): \(list(matches)). Name the issuer and the year."
        case let .certificateAlreadyRevoked(certificate, decision, on):
            return vi ? "Giấy chứng nhận \(certificate) đã bị thu hồi theo Quyết định số \(decision) ngày \(on.display(.vi))."
                : "Certificate \(certificate) was already revoked by decision \(decision) of \(on.display(.en))."
        case let .notCompetentProvince(certificate, given, competent):
            return vi ? "Tỉnh có mã \(given) không có thẩm quyền thu hồi giấy chứng nhận \(certificate): thẩm quyền thuộc Chủ tịch UBND tỉnh có mã \(competent) (tỉnh đã cấp, hoặc tỉnh kế thừa sau sắp xếp đơn vị hành chính)."
                : "Province \(given) may not revoke certificate \(certificate): that is for the chair of province \(competent) (the issuing province, or its successor after the 2025 reorganisation)."
        case let .auditOfAnotherCertificate(audit, certificate):
            return vi ? "Biên bản hậu kiểm số \(audit) không phải của giấy chứng nhận \(certificate)." : "Inspection \(audit) is not about certificate \(certificate)."
        case let .groundNotSupported(audit, ground, supported):
            return vi ? "Kết luận hậu kiểm số \(audit) không làm căn cứ thu hồi theo điểm \(ground) khoản 1 Điều 8 (căn cứ kết luận này hỗ trợ: \(list(supported)))."
                : "Inspection \(audit) does not support revocation under Art. 8.1.\(ground) (it supports: \(list(supported)))."
        case let .noDecisionRecord(certificate):
            return vi ? "Giấy chứng nhận \(certificate) được nhập từ sổ lịch sử: chương trình không có quyết định công nhận của nó để lập văn bản."
                : "Certificate \(certificate) was imported from a historical register: the workbench holds no recognition decision to draw the document from."
        case let .writtenOpinionsOnlyForReEvaluation(dossiers):
            return vi ? "Lấy ý kiến bằng văn bản chỉ dành cho hồ sơ đánh giá lại (điểm d khoản 6 Điều 7); các hồ sơ khác: \(list(dossiers))."
                : "Written opinions are for re-evaluation dossiers only (Art. 7.6.d); others: \(list(dossiers))."
        case let .meetingRequired(session, flag):
            return vi ? "Phiên \(session) lấy ý kiến bằng văn bản: ý kiến khác nhau (\(flag)) chỉ được giải quyết tại cuộc họp trực tiếp; ghi nhận cuộc họp trước, hoặc để các thành viên chấm lại."
                : "Session \(session) runs by written opinions: diverging opinions (\(flag)) are settled only in a meeting; record the meeting first, or let the members re-score."
        case let .notWrittenOpinions(session):
            return vi ? "Phiên \(session) là cuộc họp trực tiếp, không phải lấy ý kiến bằng văn bản." : "Session \(session) is a meeting, not a written-opinion round."
        case let .extraRoundExists(round):
            return vi ? "Đợt đánh giá \(round) đã có." : "Round \(round) already exists."
        case let .migrationsMissing(path):
            return vi ? "Không tìm thấy thư mục migration: \(path) (đặt OCOP_SHARE_DIR là thư mục chứa db/ và scoring/)."
                : "Migrations folder not found: \(path) (set OCOP_SHARE_DIR to the folder holding db/ and scoring/)."
        case let .badMigrationFile(file):
            return vi ? "Tệp migration \(file) không có tên dạng NNNN_mo_ta.sql." : "Migration file \(file) is not named NNNN_description.sql."
        case let .duplicateMigration(version):
            return vi ? "Hai tệp migration cùng số \(version)." : "Two migration files have the number \(version)."
        case let .migrationChanged(version, name, applied, file):
            return vi ? "Migration \(version) (\(name)) đã bị sửa sau khi áp dụng: cơ sở dữ liệu ghi checksum \(applied.prefix(12))…, tệp hiện là \(file.prefix(12))…. Migration đã áp dụng chỉ được thêm mới: khôi phục tệp và đưa thay đổi vào một migration mới."
                : "Migration \(version) (\(name)) was changed after it was applied: the database recorded checksum \(applied.prefix(12))…, the file now has \(file.prefix(12))…. Applied migrations are append-only: restore the file and put the change in a new numbered migration."
        case let .unknownMigration(version, name):
            return vi ? "Cơ sở dữ liệu có migration \(version) (\(name)) mà chương trình này không biết: nó được nâng cấp bởi phiên bản ocop mới hơn. Hãy nâng cấp ocop."
                : "The database has migration \(version) (\(name)), which this program does not know: it was migrated by a newer ocop. Upgrade ocop."
        case let .schemaOutOfDate(pending):
            return vi ? "Lược đồ cơ sở dữ liệu chưa cập nhật (\(pending.count) migration chờ: \(pending.joined(separator: ", "))). Hãy áp dụng migration (ocop db migrate)."
                : "The database schema is out of date (\(pending.count) pending: \(pending.joined(separator: ", "))). Apply the migrations (ocop db migrate)."
        case let .unavailable(target, reason):
            return vi ? "Không kết nối được PostgreSQL tại \(target): \(reason)" : "Could not connect to PostgreSQL at \(target): \(reason)"
        case let .unencodedDatabaseURL(target):
            return vi ? "Địa chỉ kết nối cơ sở dữ liệu (\(target)) có ký tự «@» hoặc «/» chưa mã hoá trong mật khẩu hoặc tên cơ sở dữ liệu, nên libpq sẽ đọc sai máy chủ; chưa kết nối. Viết «@» thành %40 và «/» thành %2F trong OCOP_DATABASE_URL (hoặc DATABASE_URL, OCOP_ADMIN_DATABASE_URL)."
                : "The database URL (\(target)) holds an unencoded \"@\" or \"/\" in its password or database name, so libpq would misread the server; nothing was tried. Write \"@\" as %40 and \"/\" as %2F in OCOP_DATABASE_URL (or DATABASE_URL, OCOP_ADMIN_DATABASE_URL)."
        case let .connectionLost(reason):
            return vi ? "Mất kết nối với máy chủ PostgreSQL giữa chừng (\(reason)); phần việc đang dở không được ghi. Hãy chạy lại lệnh."
                : "The connection to the PostgreSQL server broke midway (\(reason)); the unfinished work was not written. Run the command again."
        case .postgresProgramsMissing:
            return vi ? "Không tìm thấy chương trình máy chủ PostgreSQL (initdb, pg_ctl). Cài gói postgresql của Debian, hoặc đặt OCOP_DATABASE_URL để dùng một máy chủ có sẵn."
                : "PostgreSQL server programs (initdb, pg_ctl) not found. Install Debian's postgresql package, or set OCOP_DATABASE_URL to use an existing server."
        case .noServerUser:
            return vi ? "Đang chạy với quyền root nhưng không có người dùng 'postgres' để chạy máy chủ (initdb từ chối root). Cài gói postgresql của Debian (gói này tạo người dùng đó)."
                : "Running as root, but there is no 'postgres' user to run the server as (initdb refuses root). Install Debian's postgresql package, which creates it."
        case let .serverToolFailed(tool, status, output):
            return vi ? "\(tool) thất bại (mã \(status)):\n\(output)" : "\(tool) failed (exit \(status)):\n\(output)"
        case let .clusterIO(message):
            return message
        case .loginWithoutAccess:
            return vi ? "Tài khoản cơ sở dữ liệu này chưa được giao vai trò nào (hoặc cơ sở dữ liệu chưa áp dụng migration phân quyền). Quản trị viên chạy ocop db migrate và ocop user grant."
                : "This database login has no role yet (or the database predates the access rules). The administrator runs ocop db migrate and ocop user grant."
        case let .privilegedLogin(login):
            return vi ? "Đang đăng nhập cơ sở dữ liệu bằng \(login), một tài khoản quản trị (superuser hoặc chủ sở hữu lược đồ): chương trình không làm việc bằng tài khoản này vì các quy tắc phân quyền không áp dụng cho nó. Dùng tài khoản riêng của cán bộ (ocop user add); việc quản trị dùng OCOP_ADMIN_DATABASE_URL."
                : "Logged in to the database as \(login), an administrator (a superuser or the schema's owner): the workbench does not work as one, because the access rules do not apply to it. Use the official's own login (ocop user add); administration uses OCOP_ADMIN_DATABASE_URL."
        case .resetNeedsAdministrator:
            return vi ? "Chỉ quản trị viên cơ sở dữ liệu mới xoá được toàn bộ dữ liệu: các bảng hồ sơ, phiếu, kết quả, quyết định và giấy chứng nhận chỉ được ghi thêm."
                : "Only the database's administrator can empty it: dossier events, sheets, results, decisions and certificates are append-only."
        case let .auditBroken(breaks):
            let head = vi ? "Sổ ghi không còn nguyên vẹn: \(breaks.count) chuỗi bị phá vỡ." : "The record is not intact: \(englishCount(breaks.count, "chain")) broken."
            return ([head] + breaks.map { "  " + $0.message(language) }).joined(separator: "\n")
        case let .corruptStoredValue(table, column, value):
            return vi ? "Dữ liệu đã lưu không hợp lệ: \(table).\(column) = \"\(value.prefix(60))\" (do phiên bản mới hơn ghi, hoặc bị sửa ngoài chương trình)."
                : "A stored value is not valid: \(table).\(column) = \"\(value.prefix(60))\" (written by a newer version, or edited outside the program)."
        case let .rejected(_, _, _, _, reason):
            return reason(language)
        case .concurrentChange:
            return vi ? "Có người khác thay đổi cùng dữ liệu vào đúng lúc này; không có gì được ghi. Hãy thử lại."
                : "Someone else changed the same records at the same moment; nothing was written. Try again."
        case let .database(state, message, _):
            // The server's own words (never the statement), without codes a person cannot use.
            if state.hasPrefix("22") || state.hasPrefix("23") {
                return vi ? "Cơ sở dữ liệu không nhận một giá trị (\(message)); không có gì được ghi."
                    : "The database refused a value (\(message)); nothing was written."
            }
            if state.hasPrefix("08") || state.hasPrefix("53") || state.hasPrefix("57") {
                return vi ? "Máy chủ cơ sở dữ liệu không phục vụ được lúc này (\(message)); không có gì được ghi. Hãy thử lại sau."
                    : "The database server cannot serve the request now (\(message)); nothing was written. Try again later."
            }
            if state == "42501" {
                // insufficient_privilege: the login, not the program, lacks the right.
                return vi ? "Tài khoản cơ sở dữ liệu đang dùng không có quyền làm việc này (\(message)); không có gì được ghi. Vai trò của các tài khoản: ocop user list; việc quản trị (tài khoản, migration, sao lưu) dùng OCOP_ADMIN_DATABASE_URL (docs/roles.md)."
                    : "The database login in use may not do this (\(message)); nothing was written. The logins' roles: ocop user list; administration (logins, migrations, backups) uses OCOP_ADMIN_DATABASE_URL (docs/roles.md)."
            }
            return vi ? "Lỗi nội bộ của cơ sở dữ liệu (\(message)); không có gì được ghi."
                : "Internal database error (\(message)); nothing was written."
        }
    }
}

extension StoreError {
    /// A Postgres-layer failure as a store error: connection problems are `unavailable`; server
    /// errors keep their SQLSTATE and message (which never contains the statement).
    public init(_ error: PostgresError) {
        switch error {
        case let .connectionFailed(target, reason): self = .unavailable(target: target, reason: reason)
        case let .unencodedURLUserInfo(target): self = .unencodedDatabaseURL(target: target)
        case let .server(server):
            if let explained = ConstraintCatalog.explain(server) {
                self = explained
            } else if server.isSerializationFailure {
                self = .concurrentChange
            } else {
                self = .database(sqlState: server.sqlState, message: server.message, constraint: server.constraint)
            }
        case let .decoding(column, _, value): self = .corruptStoredValue(table: "?", column: column, value: value ?? "NULL")
        case let .client(message):
            self = .connectionLost(message)
        case .noSuchColumn, .noRows, .tooManyRows: self = .database(sqlState: "XX000", message: error.description, constraint: nil)
        }
    }

    /// Decodes a stored closed-set value, or fails naming the table and column.
    static func decode<T: RawRepresentable>(_ type: T.Type, _ raw: T.RawValue, table: String, column: String) throws -> T
        where T.RawValue: CustomStringConvertible {
        guard let value = T(rawValue: raw) else { throw StoreError.corruptStoredValue(table: table, column: column, value: raw.description) }
        return value
    }
}

/// Runs `body`, turning Postgres-layer errors into `StoreError`.
func mapped<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as PostgresError {
        throw StoreError(error)
    }
}

extension StoreError {
    /// A Postgres-layer error escaping a repository, as a store error (`nil` for other errors).
    public static func converting(_ error: any Error) -> StoreError? {
        (error as? PostgresError).map(StoreError.init)
    }
}
