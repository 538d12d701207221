import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// `ocop council session …`
struct CouncilSessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: L("Phiên họp hội đồng.", "Council sessions."),
        subcommands: [Open.self, List.self, Status.self, Attendance.self, Recuse.self, Override.self, Knockout.self, Defer.self, Reschedule.self, Convene.self, Finalize.self, Minutes.self]
    )

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "open", abstract: L("Mở phiên họp với các hồ sơ (chờ hội đồng) và thành phần tham dự.", "Open a session with its dossiers (ready for the council) and attendance."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Option(help: L("Mã hội đồng.", "Council code.")) var council: String
        @Option(help: L("Ngày họp YYYY-MM-DD.", "Session date YYYY-MM-DD.")) var date: String
        @Option(help: L("Địa điểm.", "Place.")) var place: String?
        @Option(name: .customLong("dossier"), help: L("Hồ sơ (lặp lại).", "Dossier (repeat).")) var dossiers: [String] = []
        @Option(name: .customLong("absent"), help: L("Thành viên vắng mặt (lặp lại); những người khác có mặt.", "Absent member (repeat); the others are present.")) var absent: [String] = []
        @Option(help: ArgumentHelp(L("Hình thức: meeting (họp trực tiếp) hoặc written-opinions (lấy ý kiến bằng văn bản, chỉ cho hồ sơ đánh giá lại; mặc định khi mọi hồ sơ là đánh giá lại).",
                                     "Mode: meeting, or written-opinions (re-evaluation dossiers only; the default when every dossier is a re-evaluation)."), valueName: "meeting|written-opinions"))
        var mode: String?
        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let mode = try self.mode.map { try choice($0, field: "mode", allowed: ["meeting", "written-opinions"]) { SessionMode(rawValue: $0.replacingOccurrences(of: "-", with: "_")) } }
                let bench = try workbench(actor)
                let snapshot = try bench.openSession(
                    council: try readCode(CouncilCode.self, council), heldOn: try readDate(date), place: place,
                    dossiers: try dossiers.map { try readCode(DossierCode.self, $0) }, absent: try absent.map { try readCode(PersonCode.self, $0, field: "absent") },
                    mode: mode)
                let present = snapshot.roster.filter { $0.present && $0.role != .advisor }.count
                let lifecycle = try bench.sessionLifecycle(snapshot.code)
                Output.write(language == .vi
                    ? "Đã mở phiên \(snapshot.code) (\(Output.terminalSafe(snapshot.council.name)), ngày \(snapshot.heldOn.display(.vi))): \(snapshot.dossiers.count) hồ sơ, \(present) thành viên có mặt."
                    : "Opened session \(snapshot.code) (\(Output.terminalSafe(snapshot.council.name)), \(snapshot.heldOn.display(.en))): \(englishCount(snapshot.dossiers.count, "dossier")), \(englishCount(present, "member")) present.")
                if lifecycle.mode == .writtenOpinions {
                    Output.write(language == .vi ? "Hình thức: lấy ý kiến bằng văn bản (điểm d khoản 6 Điều 7); chỉ họp trực tiếp khi ý kiến khác nhau."
                                                 : "Mode: written opinions (Art. 7.6.d); a meeting only if opinions diverge.")
                }
                for d in lifecycle.dossiers {
                    for flag in d.roundFlags { Output.warn("\(d.dossier): " + flag.text(language)) }
                }
            }
        }
    }

    struct Convene: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "convene",
            abstract: L("Ghi nhận cuộc họp trực tiếp của phiên lấy ý kiến bằng văn bản (khi ý kiến khác nhau).", "Record the meeting a written-opinion round turns into (when opinions diverge)."),
            discussion: L("Trong phiên lấy ý kiến bằng văn bản, Chủ tịch chỉ quyết định bỏ qua cảnh báo chênh lệch hoặc ★ sau khi Hội đồng đã họp (điểm d khoản 6 Điều 7).",
                          "In a written-opinion round the chair overrides a spread or ★-split flag only once the council has met (Art. 7.6.d)."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã phiên.", "Session code.")) var session: String
        @Option(help: L("Ngày họp YYYY-MM-DD.", "Meeting date YYYY-MM-DD.")) var date: String
        @Option(help: L("Địa điểm.", "Place.")) var place: String?
        @Option(help: L("Vì sao phải họp.", "Why the council meets.")) var reason: String
        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let view = try workbench(actor).conveneSession(try readCode(SessionCode.self, session), on: try readDate(date), place: place, reason: reason)
                Output.write(language == .vi ? "Đã ghi nhận cuộc họp trực tiếp của phiên \(view.session) ngày \(view.convenedOn?.display(.vi) ?? "")."
                                             : "Recorded the meeting of session \(view.session) on \(view.convenedOn?.display(.en) ?? "").")
            }
        }
    }

    struct Reschedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reschedule",
            abstract: L("Đổi ngày họp của một phiên chưa có kết luận (hoãn họp hoặc họp sớm hơn).", "Move a session not yet concluded to another day (postponed or brought forward)."),
            discussion: L("Kết quả của phiên được ghi theo ngày họp, nên phiên chỉ kết luận từ ngày đó. Mỗi hồ sơ còn trong phiên được ghi một sự kiện kèm lý do; chủ thể thấy ngày mới trong ocop dossier status.",
                          "A session's results are dated on its day, and it is finalized on that day or later. Each dossier still on it gets an event with the reason; its producer sees the new day in ocop dossier status."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã phiên.", "Session code.")) var session: String
        @Option(help: L("Ngày họp mới YYYY-MM-DD.", "The new day YYYY-MM-DD.")) var date: String
        @Option(help: L("Lý do đổi ngày.", "Why the day changes.")) var reason: String
        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let snapshot = try workbench(actor).rescheduleSession(try readCode(SessionCode.self, session), to: try readDate(date), reason: reason)
                Output.write(language == .vi ? "Phiên \(snapshot.code) chuyển sang ngày \(snapshot.heldOn.display(.vi))."
                                             : "Session \(snapshot.code) moved to \(snapshot.heldOn.display(.en)).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: L("Danh sách phiên họp.", "List sessions."))
        @OptionGroup var lang: LanguageOption
        @Option(help: L("Lọc theo hội đồng.", "Filter by council.")) var council: String?
        @Option(help: "table | json | csv") var format: OutputFormat = .table
        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let sessions = try workbench().sessions(council: try council.map { try readCode(CouncilCode.self, $0) })
                let vi = language == .vi
                Output.write(try Output.list(sessions, format: format, headers: vi ? ["phiên", "hội đồng", "ngày", "trạng thái", "hồ sơ", "đã kết luận", "hoãn"] : ["session", "council", "date", "status", "dossiers", "decided", "deferred"]) { s in
                    [s.code.rawValue, s.council.rawValue, s.heldOn.display(language), s.status.label(language), String(s.dossiers), String(s.decided), String(s.deferred)]
                })
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: L("Tình hình chấm điểm: ai đã chấm, điểm trung bình, chênh lệch, cảnh báo ★, việc cần thảo luận.", "Per dossier: who scored, average, spread, ★ splits, what needs discussion."),
            discussion: L("JSON: mỗi hồ sơ một đối tượng với dossier, product, scored, missing, recused, average (null khi chưa có phiếu), spread, stars (null đến khi kết luận), flags [{id, text, overridden}], needsDiscussion, canFinalize, deferred (lý do, hoặc null), withdrawn, outcome.",
                          "JSON: one object per dossier with dossier, product, scored, missing, recused, average (null before any sheet), spread, stars (null until finalized), flags [{id, text, overridden}] (a council knock-out is the flag knockout:<clause>), needsDiscussion, canFinalize, deferred (the reason, or null), withdrawn, outcome."))
        @OptionGroup var lang: LanguageOption
        @Argument(help: L("Mã phiên (vd. PH-2026-001).", "Session code (e.g. PH-2026-001).")) var session: String
        @Option(help: "table | json") var format: OutputFormat = .table
        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.table, .text, .json])
                let bench = try workbench()
                let code = try readCode(SessionCode.self, session)
                let (report, lifecycle) = try bench.sessionStatus(code)
                Output.write(format == .json ? Output.json(SessionStatusJSON(report, language: language, lifecycle: lifecycle, today: bench.today))
                             : CouncilRender.statusTable(report, language) + CouncilRender.lifecycle(lifecycle, today: bench.today, language))
            }
        }
    }

    struct Attendance: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "attendance", abstract: L("Ghi nhận có mặt / vắng mặt.", "Record attendance."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã phiên.", "Session code.")) var session: String
        @Option(name: .customLong("present"), help: L("Thành viên có mặt (lặp lại).", "Present member (repeat).")) var present: [String] = []
        @Option(name: .customLong("absent"), help: L("Thành viên vắng mặt (lặp lại).", "Absent member (repeat).")) var absent: [String] = []
        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try workbench(actor).recordAttendance(session: try readCode(SessionCode.self, session),
                                                      present: try present.map { try readCode(PersonCode.self, $0, field: "present") },
                                                      absent: try absent.map { try readCode(PersonCode.self, $0, field: "absent") })
                Output.write(language == .vi ? "Đã ghi nhận." : "Recorded.")
            }
        }
    }

    struct Recuse: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recuse",
            abstract: L("Thành viên khai báo xung đột lợi ích với một hồ sơ.", "A member declares a conflict of interest for one dossier."),
            discussion: L("Loại: kin, employee, consultant, cooperative_member, other. Thành viên đã khai báo không chấm hồ sơ đó và không tính vào túc số.",
                          "Kinds: kin, employee, consultant, cooperative_member, other. A recused member cannot score the dossier and does not count towards its quorum."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã phiên.", "Session code.")) var session: String
        @Option(help: L("Hồ sơ.", "Dossier.")) var dossier: String
        @Option(help: L("Mã người của thành viên.", "The member's person code.")) var member: String
        @Option(help: "kin | employee | consultant | cooperative_member | other") var kind: String = "other"
        @Option(help: L("Lý do.", "Reason.")) var reason: String
        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let kind = try choice(self.kind, field: "kind", allowed: RecusalKind.allCases.map(\.rawValue), RecusalKind.init(rawValue:))
                let dossier = try readCode(DossierCode.self, self.dossier)
                let member = try readCode(PersonCode.self, self.member, field: "member")
                try workbench(actor).recuse(session: try readCode(SessionCode.self, session), dossier: dossier, member: member, kind: kind, reason: reason)
                Output.write(language == .vi ? "Đã ghi nhận: \(member) không chấm hồ sơ \(dossier) (\(kind.label(.vi)))."
                    : "Recorded: \(member) will not score \(dossier) (\(kind.label(.en))).")
            }
        }
    }

    struct Override: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "override",
            abstract: L("Chủ tịch quyết định bỏ qua cảnh báo chênh lệch hoặc ★ tối thiểu, có lý do.", "The chair overrides a spread or ★-split flag with a reason."),
            discussion: L("""
                Cảnh báo: spread, minimum:<tiêu chí>:<sao> (như session status hiển thị). Lặp --flag để quyết định nhiều cảnh báo của \
                một hồ sơ với cùng lý do (tất cả hoặc không cảnh báo nào). Thiếu túc số không thể bỏ qua.
                """, """
                Flags: spread, minimum:<criterion>:<stars> (as shown by session status). Repeat --flag to override several flags of one \
                dossier with one reason (all or none). A missing quorum cannot be overridden.
                """))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã phiên.", "Session code.")) var session: String
        @Option(help: L("Hồ sơ.", "Dossier.")) var dossier: String
        @Option(help: L("Cảnh báo (vd. spread), có thể lặp lại.", "Flag (e.g. spread), may be repeated.")) var flag: [String]
        @Option(help: L("Mã người của Chủ tịch.", "The chair's person code.")) var chair: String
        @Option(help: L("Lý do.", "Reason.")) var reason: String
        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try workbench(actor).overrideFlags(session: try readCode(SessionCode.self, session), dossier: try readCode(DossierCode.self, dossier),
                                                   flags: flag, chair: try readCode(PersonCode.self, chair, field: "chair"), reason: reason)
                let flags = flag.joined(separator: ", ")
                Output.write(language == .vi ? "Đã ghi nhận quyết định của Chủ tịch về \(flags)." : "The chair's override of \(flags) is recorded.")
            }
        }
    }

    struct Knockout: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "knockout",
            abstract: L("Hội đồng quyết định loại hồ sơ theo một điều khoản loại.", "The council disqualifies a dossier under a knock-out clause."),
            discussion: L("""
                --clause hồ-sơ là điều khoản của hồ sơ ("Hồ sơ bị loại khi…"); mã tiêu chí (vd. 6.1) là điều khoản loại của tiêu chí đó \
                ("Bị loại nếu…") trong bộ tiêu chí đã cố định của hồ sơ. Mã không có điều khoản loại bị từ chối, kèm danh sách điều khoản \
                hợp lệ. --by là Chủ tịch điều hành (mặc định: Chủ tịch). Khi kết thúc phiên, hồ sơ được ghi là bị loại, trích điều khoản, \
                và chuyển sang không đạt. --withdraw rút lại quyết định trước khi kết thúc phiên (vẫn lưu trong biên bản).
                """, """
                --clause hồ-sơ is the dossier clause ("Hồ sơ bị loại khi…"); a criterion code (e.g. 6.1) is that criterion's own \
                knock-out ("Bị loại nếu…") in the dossier's frozen product set. Codes without a knock-out are refused, naming the \
                allowed ones. --by is the presiding chair (default: the chair). Finalization then records the dossier as \
                disqualified, quoting the clause, and moves it to not_recognised. --withdraw takes the decision back before \
                finalization (kept on record).
                """))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã phiên (vd. PH-2026-001).", "Session code (e.g. PH-2026-001).")) var session: String
        @Option(help: L("Hồ sơ.", "Dossier.")) var dossier: String
        @Option(help: L("hồ-sơ | mã tiêu chí có điều khoản loại (vd. 6.1).", "hồ-sơ | a criterion code with a knock-out clause (e.g. 6.1).")) var clause: String
        @Option(help: L("Lý do (ghi vào biên bản).", "Reason (recorded in the minutes).")) var reason: String
        @Option(help: L("Mã người của Chủ tịch (hoặc Phó Chủ tịch điều hành) công bố quyết định.", "Person code of the presiding chair who announces it.")) var by: String?
        @Flag(help: L("Rút lại quyết định loại (trước khi kết thúc phiên).", "Withdraw the knock-out (before finalization).")) var withdraw = false

        func run() throws {
            let language = lang.language
            let vi = language == .vi
            try runReporting(language) {
                let bench = try workbench(actor)
                let session = try readCode(SessionCode.self, self.session)
                let dossier = try readCode(DossierCode.self, self.dossier)
                if withdraw {
                    try bench.withdrawKnockOut(session: session, dossier: dossier, clause: clause, reason: reason)
                    let shown = CouncilRules.knockOutDeclaration(parsing: clause).description
                    Output.write(vi ? "Đã rút lại quyết định loại hồ sơ \(dossier) theo \(shown)." : "Withdrawn: the knock-out of \(dossier) under \(shown).")
                    return
                }
                let record = try bench.declareKnockOut(session: session, dossier: dossier, clause: clause, reason: reason,
                                                       by: try by.map { try readCode(PersonCode.self, $0, field: "by") })
                Output.write(vi ? "Đã ghi nhận: Hội đồng loại hồ sơ \(dossier) theo \(record.declaration) «\(record.clauseText)» (người quyết định: \(record.decidedBy))."
                    : "Recorded: the council disqualifies \(dossier) under \(record.declaration) «\(record.clauseText)» (decided by \(record.decidedBy)).")
            }
        }
    }

    struct Defer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "defer",
            abstract: L("Hoãn xét hồ sơ sang phiên sau.", "Defer a dossier to a later session."),
            discussion: L("Dành cho hồ sơ Hội đồng chưa thể kết luận ở phiên này (thiếu túc số, vắng thành viên, cần khảo sát thêm). Hồ sơ vẫn có trong biên bản là \"hoãn\", không được kết luận ở phiên này và quay về chờ hội đồng để phiên sau xét. Hồ sơ đã kết luận không hoãn được.",
                          "For a dossier the council cannot decide in this session (no quorum, members absent, a site survey needed). It stays in the session's record and minutes as \"hoãn\", finalization ignores it, and it goes back to ready_for_council, so a later session can take it. A decided dossier cannot be deferred."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã phiên (vd. PH-2026-001).", "Session code (e.g. PH-2026-001).")) var session: String
        @Option(help: L("Hồ sơ.", "Dossier.")) var dossier: String
        @Option(help: L("Lý do hoãn.", "Reason.")) var reason: String

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let session = try readCode(SessionCode.self, self.session)
                let record = try workbench(actor).deferDossier(session: session, dossier: try readCode(DossierCode.self, dossier), reason: reason)
                Output.write(language == .vi
                    ? "Đã hoãn hồ sơ \(record.dossier) khỏi phiên \(session): \(Output.terminalSafe(record.reason)). Hồ sơ chờ phiên họp sau."
                    : "Deferred \(record.dossier) from session \(session): \(Output.terminalSafe(record.reason)). It waits for a later session (ready_for_council).")
            }
        }
    }

    struct Finalize: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "finalize",
            abstract: L("Kết thúc phiên: kiểm tra túc số, chênh lệch, ★; tính kết quả; ghi kết quả; chuyển hồ sơ.", "Finalize: check quorum, spread, ★ splits; rate; store results; move dossiers on."),
            discussion: L("Tất cả hoặc không; chạy lại (hoặc từ hai máy cùng lúc) vẫn chỉ có một kết quả cho mỗi hồ sơ. Hồ sơ đã hoãn hoặc đã rút không được xét; quyết định loại của Hội đồng làm kết quả là bị loại (không đạt).",
                          "All or nothing; running it again (or from two terminals at once) yields one result per dossier. Deferred and withdrawn dossiers are left out; a council knock-out makes the result disqualified (not_recognised)."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã phiên.", "Session code.")) var session: String
        @Option(name: .customLong("dossier"), help: L("Chỉ kết luận các hồ sơ này (lặp lại).", "Only decide these dossiers (repeat).")) var only: [String] = []
        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let report = try workbench(actor).finalizeSession(try readCode(SessionCode.self, session), only: try only.map { try readCode(DossierCode.self, $0) })
                Output.write(CouncilRender.finalization(report, language))
            }
        }
    }

    struct Minutes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "minutes",
            abstract: L("Biên bản họp: thành phần, xung đột lợi ích, kết quả, lý do, quyết định của Chủ tịch.", "The minutes: attendance, recusals, results, reasons, overrides."),
            discussion: L("""
                --pdf in biên bản theo Mẫu 1.9 Nghị định 30/2020/NĐ-CP kèm phụ lục tổng hợp điểm. Giờ bắt đầu, kết thúc và ngày của \
                quyết định thành lập Hội đồng không có trong sổ: nêu bằng --start, --end, --established-on, hoặc đặt trong cấu hình \
                in (minutes.start, minutes.end, councils.<mã>.establishedOn; docs/printing.md). Không có --number thì số biên bản để \
                trống để ghi tay.
                """, """
                --pdf prints the minutes after Decree 30/2020 form 1.9 with the score-summary annex. The start and end times and \
                the date of the council's founding decision are not in the register: give --start, --end, --established-on, or \
                set them in the printing configuration (minutes.start, minutes.end, councils.<code>.establishedOn; \
                docs/printing.md). Without --number the minutes' number is left blank to fill in by hand.
                """))
        @OptionGroup var lang: LanguageOption
        @Argument(help: L("Mã phiên.", "Session code.")) var session: String
        @Option(help: "markdown | text") var format: OutputFormat = .markdown
        @Flag(help: L("In biên bản ra tệp PDF.", "Print the minutes to a PDF file.")) var pdf = false
        @Option(help: L("Số biên bản, vd. 03/BB-HĐOCOP.", "The minutes' number, e.g. 03/BB-HĐOCOP.")) var number: String?
        @Option(help: ArgumentHelp(L("Giờ bắt đầu HH:MM.", "Start time HH:MM."), valueName: "HH:MM")) var start: String?
        @Option(help: ArgumentHelp(L("Giờ kết thúc HH:MM.", "End time HH:MM."), valueName: "HH:MM")) var end: String?
        @Option(name: .customLong("established-on"), help: L("Ngày của quyết định thành lập Hội đồng YYYY-MM-DD.", "The date of the council's founding decision YYYY-MM-DD.")) var establishedOn: String?
        @Option(help: L("Địa điểm họp, khi phiên không ghi.", "The venue, when the session recorded none.")) var venue: String?
        @OptionGroup var output: PDFOutputOption

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let bench = try workbench()
                let code = try readCode(SessionCode.self, session)
                if pdf || output.path != nil {
                    try output.check()
                    func time(_ raw: String?, _ field: String) throws -> ClockTime? {
                        try raw.map { raw in
                            guard let time = PrintingConfiguration.clockTime(raw.trimmingCharacters(in: .whitespaces)) else {
                                throw DomainError.invalidValue(field: field, value: raw, reason: LocalizedText(vi: "giờ viết dạng HH:MM, vd. 08:00.", en: "a time is written HH:MM, e.g. 08:00."))
                            }
                            return time
                        }
                    }
                    let document = try bench.minutesDocument(code, request: MinutesRequest(
                        number: number, start: try time(start, "start"), end: try time(end, "end"),
                        establishedOn: try establishedOn.map { try readDate($0, field: "established_on") }, venue: venue), language: language)
                    try output.write(try documentPrinter().pdf(document), defaultName: "BB-\(PDFFile.name(code.rawValue)).pdf", language)
                    return
                }
                try require(format, in: [.markdown, .text])
                let (report, lifecycle) = try bench.sessionStatus(code)
                Output.write(MinutesRender.render(report.snapshot, language: language, markdown: format == .markdown, lifecycle: lifecycle,
                                                  audit: try bench.verifyAudit()))
            }
        }
    }
}
