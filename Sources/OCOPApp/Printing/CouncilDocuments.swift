import Foundation
import OCOPDomain
import OCOPModels
import OCOPRubrics
import OCOPStore

/// What the minutes need that the register does not hold: the minutes' number, the meeting's
/// start and end, the date of the council's founding decision. Each falls back to the printing
/// configuration (`minutes.start`, `minutes.end`, `councils.<code>.establishedOn`).
public struct MinutesRequest: Sendable, Hashable {
    /// "03/BB-HĐOCOP"; without one the number is left blank to fill in by hand.
    public var number: String?
    public var start: ClockTime?
    public var end: ClockTime?
    public var establishedOn: CalendarDate?
    /// Địa điểm, when the session recorded none.
    public var venue: String?

    public init(number: String? = nil, start: ClockTime? = nil, end: ClockTime? = nil, establishedOn: CalendarDate? = nil, venue: String? = nil) {
        self.number = number
        self.start = start
        self.end = end
        self.establishedOn = establishedOn
        self.venue = venue
    }
}

/// The council's printed documents, filled from what is recorded: the minutes of a session
/// (NĐ 30 Mẫu 1.9) and the scoring sheets of QĐ 26 Phụ lục II, blank or as a member filled them.
extension Workbench {
    /// The minutes of `session`: attendance, quorum, each product's members' totals, mean,
    /// result and proposal, and what the council recorded (recusals, transcribed paper sheets,
    /// corrections, the chair's overrides, knock-outs, deferrals).
    public func minutesDocument(_ session: SessionCode, request: MinutesRequest = MinutesRequest(), language: Language = .vi) throws -> MinutesDocument {
        let vi = language == .vi
        let (report, lifecycle) = try sessionStatus(session)
        let s = report.snapshot
        let configuration = try printingConfiguration()
        let number = try request.number.map { try Validate.text($0, field: "number", limit: FieldLimit.reference) }
        func time(_ given: ClockTime?, _ configured: String?, field: String) throws -> ClockTime {
            if let given { return given }
            if let configured, let time = PrintingConfiguration.clockTime(configured) { return time }
            throw DomainError.missingValue(field: field, what: LocalizedText(
                vi: "giờ \(field == "start" ? "bắt đầu" : "kết thúc") cuộc họp không có trong sổ; hãy nêu (HH:MM) hoặc đặt trong cấu hình in.",
                en: "the meeting's \(field) time is not in the register; give it (HH:MM) or set it in the printing configuration."))
        }
        let start = try time(request.start, configuration.minutes?.start, field: "start")
        let end = try time(request.end, configuration.minutes?.end, field: "end")
        guard start.hour * 60 + start.minute < end.hour * 60 + end.minute else {
            throw DomainError.invalidValue(field: "end", value: "\(end.hour):\(end.minute)", reason: LocalizedText(
                vi: "cuộc họp kết thúc trước khi bắt đầu.", en: "the meeting ends before it starts."))
        }
        guard let decisionRef = s.council.decisionRef else {
            throw DomainError.missingValue(field: "decision_ref", what: LocalizedText(
                vi: "hội đồng \(s.council.code) chưa ghi quyết định thành lập.", en: "council \(s.council.code) has no founding decision recorded."))
        }
        guard let establishedOn = request.establishedOn ?? configuration.councils[s.council.code.rawValue]?.establishedOn else {
            throw DomainError.missingValue(field: "established_on", what: LocalizedText(
                vi: "ngày của quyết định thành lập hội đồng (\(decisionRef)) không có trong sổ; hãy nêu hoặc đặt trong cấu hình in.",
                en: "the date of the council's founding decision (\(decisionRef)) is not in the register; give it or set it in the printing configuration."))
        }
        let given = try request.venue.map { try Validate.text($0, field: "venue", limit: FieldLimit.address) }
        guard let venue = given ?? s.place ?? lifecycle.convenedPlace else {
            throw DomainError.missingValue(field: "venue", what: LocalizedText(
                vi: "phiên \(session) không ghi địa điểm họp; hãy nêu địa điểm.", en: "session \(session) has no venue recorded; give it."))
        }

        let central = s.council.level == .central
        let province = try s.council.provinceCode.flatMap { try CredentialRepository(try connection()).province(code: $0) }
        let provinceWords = province.map { p in
            vi ? "\(p.kind == "thanh_pho" ? "thành phố" : "tỉnh") \(p.name)" : "\(p.name)\(p.kind == "thanh_pho" ? " City" : " Province")"
        }
        let header = AdministrativeHeader(
            parentAgency: central ? (vi ? "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" : "MINISTRY OF AGRICULTURE AND ENVIRONMENT")
                : (vi ? "ỦY BAN NHÂN DÂN \((provinceWords ?? "").uppercased())" : "PEOPLE'S COMMITTEE OF \((provinceWords ?? "").uppercased())"),
            agency: vi ? "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG\nSẢN PHẨM OCOP \(central ? "CẤP TRUNG ƯƠNG" : (province?.kind == "thanh_pho" ? "THÀNH PHỐ" : "TỈNH"))"
                : "OCOP EVALUATION AND\nRATING COUNCIL\(central ? " (CENTRAL)" : "")",
            number: number ?? "      /BB-HĐOCOP", place: central ? "Hà Nội" : (province?.name ?? venue), date: s.heldOn)
        let establishedBy = DocumentReference(
            kind: vi ? "Quyết định" : "Decision", number: decisionRef, date: establishedOn,
            issuer: central ? (vi ? "Bộ trưởng Bộ Nông nghiệp và Môi trường" : "the Minister of Agriculture and Environment")
                : provinceWords.map { vi ? "Chủ tịch Ủy ban nhân dân \($0)" : "the Chair of the People's Committee of \($0)" })

        let organisations = Dictionary(s.council.members.map { ($0.person.rawValue, $0.organisation ?? "") }, uniquingKeysWith: { a, _ in a })
        let members = s.roster.map { entry in
            CouncilMember(name: entry.name, position: organisations[entry.person] ?? "", role: entry.role, present: entry.present)
        }
        let entitled = s.roster.filter { s.council.policy.scores($0.role) }.count
        let names = Dictionary(s.roster.map { ($0.person, $0.name) }, uniquingKeysWith: { a, _ in a })
        let facts = try PrintFactsRepository(try connection()).printFacts(s.dossiers.map(\.code))
        let catalog = try? catalog()

        var products: [ProductEvaluation] = []
        var discussion: [String] = []
        if lifecycle.mode == .writtenOpinions {
            discussion.append(vi ? "Hội đồng lấy ý kiến thành viên bằng văn bản (điểm d khoản 6 Điều 7 Quyết định số 26/2026/QĐ-TTg)."
                                 : "The council collected its members' opinions in writing (Art. 7.6.d of Decision No. 26/2026/QĐ-TTg).")
        }
        for d in s.dossiers {
            guard let result = d.result else {
                if let deferral = d.deferral {
                    discussion.append(vi ? "Hồ sơ \(d.code) (\(d.productName)) được hoãn xét, đưa ra phiên họp sau: \(deferral.reason)."
                                         : "Dossier \(d.code) (\(d.productName)) was deferred to a later meeting: \(deferral.reason).")
                } else if d.leftProcedure {
                    discussion.append(vi ? "Chủ thể đã rút hồ sơ \(d.code) (\(d.productName)); Hội đồng không xét."
                                         : "The producer withdrew dossier \(d.code) (\(d.productName)); the council did not consider it.")
                }
                continue
            }
            var notes: [String] = []
            for r in d.recusals {
                notes.append(vi ? "\(s.name(of: r.person)) không chấm sản phẩm này (\(r.kind.label(.vi).lowercased())): \(r.reason)."
                                : "\(s.name(of: r.person)) did not score this product (\(r.kind.label(.en).lowercased())): \(r.reason).")
            }
            for v in d.versions {
                let who = s.name(of: v.person)
                if v.source == .paper {
                    let by = v.enteredBy.map { s.name(of: $0) } ?? "—"
                    notes.append(vi ? "Phiếu giấy của \(who) (số \(v.paperRef ?? "—")) do \(by) nhập." : "Paper sheet of \(who) (ref. \(v.paperRef ?? "—")) transcribed by \(by).")
                }
                if v.version > 1 {
                    notes.append(vi ? "\(who) chấm lại (phiếu lần \(v.version)): \(v.reason ?? "")." : "\(who) re-scored (sheet version \(v.version)): \(v.reason ?? "").")
                }
            }
            for o in d.overrides {
                notes.append(vi ? "Chủ tịch Hội đồng \(s.name(of: o.chair)) quyết định: \(o.reason)." : "The chair, \(s.name(of: o.chair)), decided: \(o.reason).")
            }
            for k in d.standingKnockOuts {
                notes.append(vi ? "Hội đồng quyết định loại theo «\(k.clauseText)»: \(k.reason)." : "The council disqualified the product under «\(k.clauseText)»: \(k.reason).")
            }
            let fact = facts[d.code]
            let title = (try? catalog?.productSet(d.productSet).title) ?? nil
            products.append(ProductEvaluation(
                productName: d.productName, productCode: d.productCode, producerName: d.producerName, producerAddress: fact?.producerAddress,
                productSet: ProductSetLabel(number: d.productSet, title: title ?? ""), result: result.rating, level: s.council.level,
                names: names, notes: notes))
        }
        guard !products.isEmpty else {
            throw StoreError.invalid(field: "session", value: session.rawValue, reason: LocalizedText(
                vi: "phiên chưa có kết quả nào của Hội đồng để lập biên bản.", en: "the session has no council result to minute yet."))
        }
        let first = s.dossiers.compactMap { facts[$0.code] }.first
        return MinutesDocument(
            language: language, header: header, councilName: s.council.name, level: s.council.level, year: first?.year ?? s.heldOn.year, round: first?.round ?? 1,
            start: start, end: end, venue: venue, establishedBy: establishedBy, members: members,
            quorum: s.council.policy.quorumSize(eligible: entitled), products: products, discussion: discussion)
    }

    /// The blank sheet of product set `set` (1–26) as QĐ 26 Phụ lục II prints it, for paper scoring.
    public func blankSheetDocument(set number: Int, version: RubricVersionID = .qd26_2026, language: Language = .vi) throws -> ScoringSheetDocument {
        ScoringSheetDocument(language: language, productSet: try productSet(number, version: version))
    }

    /// A member's submitted sheet for a dossier (the latest version, or `version`): the chosen
    /// options marked, the points, the product's lines filled in, dated on the session's day.
    public func filledSheetDocument(dossier: DossierCode, member: PersonCode, version: Int? = nil, language: Language = .vi) throws -> ScoringSheetDocument {
        let connection = try connection()
        let facts = PrintFactsRepository(connection)
        guard let stored = try facts.storedSheet(dossier: dossier, person: member, version: version) else {
            _ = try DossierRepository(connection).dossier(dossier)
            throw PrintingError.noSubmittedSheet(dossier: dossier.rawValue, member: member.rawValue, version: version)
        }
        guard let fact = try facts.printFacts([dossier])[dossier] else { throw StoreError.notFound(.dossier, dossier.rawValue) }
        let snapshot = try sessionSnapshot(stored.session)
        let set = try catalog().productSet(fact.productSet, version: RubricVersionID(stored.sheet.meta.rubricVersion))
        let province = try snapshot.council.provinceCode.flatMap { try CredentialRepository(connection).province(code: $0) }
        return ScoringSheetDocument(
            language: language, productSet: set,
            product: SheetProductFields(productName: fact.productName, productCode: fact.productCode, producerName: fact.producerName,
                                        phone: fact.producerPhone, address: fact.producerAddress),
            filled: FilledSheet(memberName: snapshot.name(of: member), sheet: stored.sheet.sheet),
            place: province?.name ?? (snapshot.council.level == .central ? "Hà Nội" : stored.place), date: stored.heldOn)
    }
}
