import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// A council session's mode (meeting or written opinions, Art. 7.6.d–e), the meeting a written
/// round turns into when opinions diverge, and per dossier its round, the 45-day limit of a
/// re-evaluation (Art. 7.6.g) and the reasons to meet.
public struct SessionLifecycleRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    private func session(_ code: SessionCode, lock: Bool = false) throws -> (id: Int, heldOn: CalendarDate, mode: SessionMode, convenedOn: CalendarDate?) {
        guard let row = try connection.optional("""
            SELECT id, held_on::text AS held_on, mode, convened_on::text AS convened_on FROM council_session WHERE code = $1
            """ + (lock ? " FOR UPDATE" : ""), code.rawValue) else { throw StoreError.notFound(.session, code.rawValue) }
        let mode = try StoreError.decode(SessionMode.self, try row["mode"], table: "council_session", column: "mode")
        return (try row["id"], try Stored.requiredDate(row, "held_on", table: "council_session"), mode,
                try Stored.date(row, "convened_on", table: "council_session"))
    }

    /// Sets a freshly opened session's mode; written opinions take only re-evaluation dossiers.
    public func setMode(_ code: SessionCode, mode: SessionMode) throws {
        let session = try self.session(code, lock: true)
        if mode == .writtenOpinions {
            let others = try connection.query("""
                SELECT d.code FROM session_dossier sd JOIN dossier d ON d.id = sd.dossier_id
                WHERE sd.session_id = $1 AND d.kind <> 'danh_gia_lai' ORDER BY sd.position
                """, session.id).map { try $0.decode(String.self, "code") }
            if !others.isEmpty { throw StoreError.writtenOpinionsOnlyForReEvaluation(dossiers: others) }
        }
        try connection.query("UPDATE council_session SET mode = $2 WHERE id = $1", session.id, mode.rawValue)
    }

    /// Records the meeting a written-opinion round turned into (opinions diverged, or a complex matter).
    public func convene(_ code: SessionCode, on date: CalendarDate, place: String?, reason: String) throws {
        try connection.transaction { connection in
            let session = try self.session(code, lock: true)
            guard session.mode == .writtenOpinions else { throw StoreError.notWrittenOpinions(session: code.rawValue) }
            let reason = reason.nfc.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else {
                throw StoreError.missing(field: "reason", what: LocalizedText(
                    vi: "vì sao phải họp trực tiếp: ý kiến khác nhau hoặc nội dung phức tạp (điểm d khoản 6 Điều 7)",
                    en: "why a meeting is needed: diverging opinions or a complex matter (Art. 7.6.d)"))
            }
            if date < session.heldOn {
                throw StoreError.invalid(field: "date", value: date.iso, reason: LocalizedText(
                    vi: "cuộc họp không thể trước ngày mở phiên lấy ý kiến (\(session.heldOn.display(.vi))).",
                    en: "the meeting cannot precede the written round's opening (\(session.heldOn.display(.en)))."))
            }
            // The meeting is recorded once held: after it the chair may override flags.
            let today = try Stored.today(connection)
            if date > today {
                throw StoreError.invalid(field: "date", value: date.iso, reason: LocalizedText(
                    vi: "cuộc họp được ghi nhận khi đã họp; ngày này sau ngày hôm nay (\(today.display(.vi))).",
                    en: "a meeting is recorded once held; this day is after today (\(today.display(.en)))."))
            }
            try connection.query("UPDATE council_session SET convened_on = $2::date, convened_place = $3, convened_reason = $4 WHERE id = $1",
                                 session.id, date.iso, place?.nfc, reason)
        }
    }

    /// In a written-opinion round no flag is overridden before the council has met: overriding
    /// diverging opinions is what a meeting does.
    public func requireMeeting(toOverride flag: String, in code: SessionCode) throws {
        let session = try self.session(code)
        if session.mode == .writtenOpinions && session.convenedOn == nil {
            throw StoreError.meetingRequired(session: code.rawValue, flag: flag)
        }
    }

    /// The session's mode and, per dossier on its agenda, its round (with lateness flags), the
    /// 45-day limit of a re-evaluation and, in a written round, the reasons to meet.
    public func lifecycle(_ code: SessionCode, report: SessionReport) throws -> SessionLifecycleView {
        let session = try self.session(code)
        let row = try connection.one("""
            SELECT convened_place, convened_reason, c.level FROM council_session s JOIN council c ON c.id = s.council_id WHERE s.id = $1
            """, session.id)
        let level = try StoreError.decode(CouncilLevel.self, try row["level"], table: "council", column: "level")
        let calendar = try CalendarRepository(connection).calendar()
        let dossiers = try connection.query("""
            SELECT d.code, d.kind, d.year, d.round, d.filed_on::text AS filed_on,
                   (SELECT max(e.at) FROM dossier_event e WHERE e.dossier_id = d.id AND e.to_status = $2) AS complete_at,
                   (SELECT max(e.at) FROM dossier_event e WHERE e.dossier_id = d.id AND e.to_status = 'central_review') AS central_at,
                   EXISTS (SELECT 1 FROM council_result r WHERE r.session_id = sd.session_id AND r.dossier_id = d.id) AS decided
            FROM session_dossier sd JOIN dossier d ON d.id = sd.dossier_id WHERE sd.session_id = $1 ORDER BY sd.position
            """, session.id, level == .central ? "central_review" : "provincial_review").map { r -> SessionDossierLifecycle in
            let code = try DossierRepository.code(try r["code"])
            let kind = try StoreError.decode(DossierKind.self, try r["kind"], table: "dossier", column: "kind")
            let filedOn = try Stored.requiredDate(r, "filed_on", table: "dossier")
            let round: EvaluationRound?
            let proposedOn: CalendarDate
            if level == .central {
                let central: Date? = try r["central_at"]
                proposedOn = central.map(Stored.vietnamDay) ?? filedOn
                round = calendar.round(forFilingOn: proposedOn, level: .central)
            } else {
                proposedOn = filedOn
                round = try? calendar.round(RoundID(level: .provincial, year: try r["year"], number: try r["round"]))
            }
            let complete: Date? = try r["complete_at"]
            let decided: Bool = try r["decided"]
            var reasons: [LocalizedText] = []
            if session.mode == .writtenOpinions, !decided,
               let index = report.snapshot.dossiers.firstIndex(where: { $0.code == code }), index < report.assessments.count {
                reasons = WrittenOpinionRules.meetingReasons(for: report.assessments[index]).map { LocalizedText(vi: $0.text(.vi), en: $0.text(.en)) }
            }
            return SessionDossierLifecycle(
                dossier: code, kind: kind, round: round,
                roundFlags: round.map { calendar.flags(round: $0, filedOn: proposedOn, sessionOn: session.heldOn) } ?? [],
                reEvaluation: kind == .reEvaluation ? complete.map { ReEvaluationDeadline(completeFileOn: Stored.vietnamDay($0)) } : nil,
                resultOn: decided ? session.heldOn : nil, meetingReasons: reasons)
        }
        return SessionLifecycleView(session: code, heldOn: session.heldOn, mode: session.mode, convenedOn: session.convenedOn,
                                    convenedPlace: try row["convened_place"], convenedReason: try row["convened_reason"], dossiers: dossiers)
    }
}
