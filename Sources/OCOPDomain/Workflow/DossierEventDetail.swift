/// What the program itself recorded on a dossier's history, as facts; the words are rendered
/// when read, in the reader's language (a stored sentence could not be translated later).
public enum DossierEventDetail: Sendable, Hashable, Codable {
    /// Put on a council session's agenda.
    case scheduled(session: String, councilName: String, heldOn: CalendarDate)
    /// Taken off a session for a later one (the reason is the event's note).
    case deferred(session: String, heldOn: CalendarDate)
    /// The session it is on moved to another day (the reason is the event's note).
    case rescheduled(session: String, from: CalendarDate, to: CalendarDate)
    /// The council's result, with the reasons a producer is told (never members' scores). The
    /// level words a 5★ result (events recorded before it was kept read as provincial).
    case councilResult(session: String, councilName: String, heldOn: CalendarDate, reasons: [RatingReason], level: CouncilLevel? = nil)
    /// Withdrawn while on a session's agenda: the session goes on without it.
    case leftSession(session: String)
    /// Recognised by a decision, with the certificate it was given.
    case recognised(decision: String, decidedOn: CalendarDate, certificate: String, stars: Int, validUntil: CalendarDate)
    /// An upgrade whose result is not above the certificate it rests on: not granted by the
    /// decision; that certificate stays as it was.
    case upgradeNotGranted(decision: String, decidedOn: CalendarDate, certificate: String, certificateStars: Int, resultStars: Int)
    /// A ≥ 90-point result approved by the province's decision and proposed to the Ministry.
    case approvedForCentral(decision: String, decidedOn: CalendarDate)

    public func text(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case let .scheduled(session, council, heldOn):
            return vi ? "Đã xếp lịch họp hội đồng ngày \(heldOn.display(.vi)) (phiên \(session), \(council))"
                : "Scheduled for the council session of \(heldOn.display(.en)) (session \(session), \(council))"
        case let .deferred(session, heldOn):
            return vi ? "Hoãn xét tại phiên họp hội đồng ngày \(heldOn.display(.vi)) (phiên \(session))"
                : "Deferred at the council session of \(heldOn.display(.en)) (session \(session))"
        case let .rescheduled(session, from, to):
            return vi ? "Phiên họp hội đồng \(session) đổi từ ngày \(from.display(.vi)) sang ngày \(to.display(.vi))"
                : "Council session \(session) moved from \(from.display(.en)) to \(to.display(.en))"
        case let .councilResult(session, council, heldOn, reasons, level):
            let who = council
            let head = vi ? "\(who) đã chấm ngày \(heldOn.display(.vi)) (phiên \(session))" : "\(who) scored it on \(heldOn.display(.en)) (session \(session))"
            return head + ": " + reasons.map { $0.text(language, level: level ?? .provincial) }.joined(separator: "; ")
        case let .leftSession(session):
            return vi ? "Rút khỏi phiên họp \(session); hội đồng không xét hồ sơ này." : "Taken off session \(session); the council does not consider it."
        case let .recognised(decision, decidedOn, certificate, stars, validUntil):
            return vi ? "Được công nhận \(stars)★ theo Quyết định số \(decision) ngày \(decidedOn.display(.vi)); giấy chứng nhận \(certificate), hiệu lực đến hết ngày \(validUntil.display(.vi))"
                : "Recognised \(stars)★ by decision \(decision) of \(decidedOn.display(.en)); certificate \(certificate), valid through \(validUntil.display(.en))"
        case let .upgradeNotGranted(decision, decidedOn, certificate, certificateStars, resultStars):
            return vi ? "Không công nhận nâng hạng (Quyết định số \(decision) ngày \(decidedOn.display(.vi))): kết quả \(resultStars)★ không cao hơn hạng \(certificateStars)★ của giấy chứng nhận \(certificate); giấy chứng nhận này giữ nguyên"
                : "Upgrade not granted (decision \(decision) of \(decidedOn.display(.en))): the result \(resultStars)★ is not above the \(certificateStars)★ of certificate \(certificate), which stays as it was"
        case let .approvedForCentral(decision, decidedOn):
            return vi ? "Kết quả từ 90 điểm được phê duyệt theo Quyết định số \(decision) ngày \(decidedOn.display(.vi)) và đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận 5★"
                : "The result of 90 points or more was approved by decision \(decision) of \(decidedOn.display(.en)) and proposed to the Ministry of Agriculture and Environment for 5★"
        }
    }
}
