import Foundation

/// How a council evaluates: in a meeting, or by written opinions (re-evaluation, Art. 7.6.d and
/// 7.6.e: "thông qua hình thức lấy ý kiến bằng văn bản; chỉ tổ chức họp trực tiếp khi có nhiều ý
/// kiến đánh giá khác nhau hoặc có nội dung phức tạp cần thảo luận").
public enum SessionMode: String, Sendable, Hashable, CaseIterable, Codable {
    case meeting
    case writtenOpinions = "written_opinions"

    public var label: LocalizedText {
        switch self {
        case .meeting: LocalizedText(vi: "Họp trực tiếp", en: "Meeting")
        case .writtenOpinions: LocalizedText(vi: "Lấy ý kiến bằng văn bản", en: "Written opinions")
        }
    }

    /// The mode the law sets for a dossier kind: written opinions for a re-evaluation.
    public static func `default`(for kind: DossierKind) -> SessionMode {
        kind == .reEvaluation ? .writtenOpinions : .meeting
    }
}

/// Why a written-opinion round must become a meeting.
public enum MeetingReason: Sendable, Hashable {
    /// The members' opinions diverge: a spread or ★-split flag of the council rules.
    case divergence(CouncilFlag)
    /// The council chair or the OCOP body judged the matter complex.
    case complexMatter(String)

    public func text(_ language: Language) -> String {
        switch (self, language) {
        case let (.divergence(flag), .vi): "Ý kiến đánh giá khác nhau: \(flag.text(.vi))"
        case let (.divergence(flag), .en): "Opinions diverge: \(flag.text(.en))"
        case let (.complexMatter(note), .vi): "Nội dung phức tạp cần thảo luận: \(note)"
        case let (.complexMatter(note), .en): "A complex matter needs discussion: \(note)"
        }
    }
}

public enum WrittenOpinionRules {
    /// The reasons to meet, from a dossier's council flags: every spread and ★-split flag (the
    /// divergence is a fact, whether or not the chair would override it), plus a complex matter
    /// if one is noted. Quorum and knock-out flags are not reasons to meet.
    public static func meetingReasons(flags: [CouncilFlag], complexMatter: String? = nil) -> [MeetingReason] {
        var reasons: [MeetingReason] = flags.compactMap {
            switch $0 {
            case .spread, .minimumSplit: .divergence($0)
            case .quorum, .knockOut: nil
            }
        }
        if let note = complexMatter?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty {
            reasons.append(.complexMatter(note))
        }
        return reasons
    }

    /// The same, for an assessed dossier.
    public static func meetingReasons(for assessment: DossierAssessment, complexMatter: String? = nil) -> [MeetingReason] {
        meetingReasons(flags: assessment.flags, complexMatter: complexMatter)
    }

    /// Whether this written-opinion round must become a meeting for this dossier.
    public static func needsMeeting(_ assessment: DossierAssessment, complexMatter: String? = nil) -> Bool {
        !meetingReasons(for: assessment, complexMatter: complexMatter).isEmpty
    }
}

/// The 45-day limit of a re-evaluation (Art. 7.6.g): "không quá 45 ngày kể từ ngày nhận đủ hồ sơ
/// đề nghị của UBND cấp xã hoặc UBND cấp tỉnh". Calendar days, counted from the day after the
/// complete file arrived: the deadline is that day + 45; day 45 is on time, day 46 overdue.
public struct ReEvaluationDeadline: Sendable, Hashable, Codable {
    public static let days = 45

    /// The day the complete proposal file was received.
    public let completeFileOn: CalendarDate

    public init(completeFileOn: CalendarDate) {
        self.completeFileOn = completeFileOn
    }

    public var deadline: CalendarDate { completeFileOn.adding(days: Self.days) }

    /// Days left on `date` (negative once overdue).
    public func daysLeft(on date: CalendarDate) -> Int { date.days(until: deadline) }

    /// Whether the re-evaluation is overdue on `date` (its result date, or today while pending).
    public func isOverdue(on date: CalendarDate) -> Bool { date > deadline }

    /// The overdue flag's text, `nil` when on time.
    public func overdueFlag(on date: CalendarDate, _ language: Language) -> String? {
        guard isOverdue(on: date) else { return nil }
        let late = deadline.days(until: date)
        switch language {
        case .vi:
            return "Đánh giá lại quá thời hạn 45 ngày kể từ ngày nhận đủ hồ sơ (\(completeFileOn.display(.vi))): hạn chót ngày \(deadline.display(.vi)), đến ngày \(date.display(.vi)) đã quá \(late) ngày (điểm g khoản 6 Điều 7)."
        case .en:
            return "The re-evaluation is past the 45 days from the complete file (\(completeFileOn.display(.en))): deadline \(deadline.display(.en)), \(englishCount(late, "day")) over on \(date.display(.en)) (Art. 7.6.g)."
        }
    }
}
