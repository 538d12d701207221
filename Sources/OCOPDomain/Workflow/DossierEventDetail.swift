/// What the program itself recorded on a dossier's history, as facts; the words are rendered
/// when read, in the reader's language (a stored sentence could not be translated later).
public enum DossierEventDetail: Sendable, Hashable, Codable {
    /// Put on a council session's agenda.
    case scheduled(session: String, councilName: String, heldOn: CalendarDate)
    /// Taken off a session for a later one (the reason is the event's note).
    case deferred(session: String, heldOn: CalendarDate)
    /// The council's result, with the reasons a producer is told (never members' scores).
    case councilResult(session: String, councilName: String, heldOn: CalendarDate, reasons: [RatingReason])
    /// Withdrawn while on a session's agenda: the session goes on without it.
    case leftSession(session: String)

    public func text(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case let .scheduled(session, council, heldOn):
            return vi ? "Đã xếp lịch họp hội đồng ngày \(heldOn.display(.vi)) (phiên \(session), \(council))"
                : "Scheduled for the council session of \(heldOn.display(.en)) (session \(session), \(council))"
        case let .deferred(session, heldOn):
            return vi ? "Hoãn xét tại phiên họp hội đồng ngày \(heldOn.display(.vi)) (phiên \(session))"
                : "Deferred at the council session of \(heldOn.display(.en)) (session \(session))"
        case let .councilResult(session, council, heldOn, reasons):
            let who = council
            let head = vi ? "\(who) đã chấm ngày \(heldOn.display(.vi)) (phiên \(session))" : "\(who) scored it on \(heldOn.display(.en)) (session \(session))"
            return head + ": " + reasons.map { $0.text(language) }.joined(separator: "; ")
        case let .leftSession(session):
            return vi ? "Rút khỏi phiên họp \(session); hội đồng không xét hồ sơ này." : "Taken off session \(session); the council does not consider it."
        }
    }
}
