import ArgumentParser
import Foundation
import OCOPDomain
import OCOPStore
import Postgres

extension CouncilLevel: ExpressibleByArgument {}
extension MinimumSplitRule: ExpressibleByArgument {}

/// `ocop council`: councils, their Quy chế and members; sessions, recusals, finalization, minutes.
struct CouncilCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "council",
        abstract: "Hội đồng đánh giá, phân hạng / councils, members, sessions, finalization and minutes.",
        discussion: "Policy defaults (Quy chế): quorum 3/4 of the members entitled to score, including the chair; at most 10 points between members' totals; the secretary does not score; a split on a ★-minimum criterion must be resolved. In a session the council may also disqualify a dossier itself (session knockout --clause hồ-sơ|CRITERION, with the reason and the presiding chair; finalization quotes the clause and the dossier is not recognised) or defer it to a later session (session defer --reason: back to ready_for_council, kept in the minutes as hoãn). See docs/council.md.",
        subcommands: [Create.self, List.self, Show.self, Member.self, CouncilSessionCommand.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lập hội đồng và quy chế / create a council with its policy.")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "Mã hội đồng (vd. BN-2026).") var code: String
        @Option(help: "Tên hội đồng.") var name: String
        @Option(help: "provincial | central") var level: CouncilLevel = .provincial
        @Option(help: "Mã tỉnh (hội đồng cấp tỉnh).") var province: String?
        @Option(help: "Quyết định thành lập (vd. 123/QĐ-UBND).") var decision: String?
        @Option(help: "Túc số, dạng n/d (mặc định 3/4).") var quorum: String = "3/4"
        @Flag(help: "Túc số không bắt buộc có Chủ tịch.") var noChairRequired = false
        @Option(help: "Chênh lệch tối đa giữa tổng điểm các thành viên (mặc định 10).") var maxSpread: Int = 10
        @Flag(help: "Thư ký cũng chấm điểm (mặc định không).") var secretaryScores = false
        @Option(help: "must_resolve (mặc định) | mean_decides") var minimumSplit: MinimumSplitRule = .mustResolve

        func run() throws {
            try runReporting(lang.language) {
                let parts = quorum.split(separator: "/")
                guard parts.count == 2, let n = Int(parts[0]), let d = Int(parts[1]) else {
                    throw UserFacingError(lang.language == .vi ? "--quorum phải có dạng n/d, vd. 3/4." : "--quorum must look like n/d, e.g. 3/4.")
                }
                let policy = CouncilPolicy(quorumNumerator: n, quorumDenominator: d, quorumRequiresChair: !noChairRequired,
                                           maxSpread: maxSpread, secretaryScores: secretaryScores, minimumSplit: minimumSplit)
                let workbench = Workbench(actor: actor.actor, language: lang.language)
                let council = try CouncilStore(try workbench.connect()).createCouncil(
                    code: code, name: name, level: level, provinceCode: province, decisionRef: decision, policy: policy, actor: workbench.actor)
                Output.write(CouncilRender.council(council, lang.language))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Danh sách hội đồng / list councils.")
        @OptionGroup var lang: LanguageOption
        @Option(help: "table | json | csv") var format: OutputFormat = .table
        func run() throws {
            try runReporting(lang.language) {
                let councils = try CouncilStore(try Workbench(actor: "", language: lang.language).connect()).councils()
                let vi = lang.language == .vi
                Output.write(Output.list(councils, format: format, headers: vi ? ["mã", "tên", "cấp", "thành viên", "tổ tư vấn"] : ["code", "name", "level", "members", "advisors"]) { c in
                    [c.code, c.name, c.level.rawValue, String(c.councilMembers.count), String(c.advisoryTeam.count)]
                })
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Hội đồng, quy chế và thành viên / show a council, its policy and members.")
        @OptionGroup var lang: LanguageOption
        @Argument var code: String
        @Option(help: "text | json") var format: OutputFormat = .text
        func run() throws {
            try runReporting(lang.language) {
                let council = try CouncilStore(try Workbench(actor: "", language: lang.language).connect()).council(code)
                Output.write(format == .json ? Output.json(council) : CouncilRender.council(council, lang.language))
            }
        }
    }

    struct Member: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Thêm thành viên / add a member (or change their role).",
            discussion: "Roles: chair (chủ tịch), vice_chair (phó chủ tịch), secretary (thư ký), member (ủy viên), advisor (tổ tư vấn — kept apart, never scores). The person is created when --name is given.")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "Mã hội đồng.") var council: String
        @Option(help: "Mã người (vd. nguyen-van-a).") var person: String
        @Option(help: "Họ và tên (khi thêm người mới).") var name: String?
        @Option(help: "Cơ quan, đơn vị.") var organisation: String?
        @Option(help: "chair | vice_chair | secretary | member | advisor (hoặc tiếng Việt).") var role: String = "member"
        func run() throws {
            try runReporting(lang.language) {
                guard let role = CouncilRole(flexible: role) else {
                    throw UserFacingError((lang.language == .vi ? "Vai trò không hợp lệ: " : "Unknown role: ") + "\(self.role) — " + CouncilRole.allCases.map(\.rawValue).joined(separator: ", "))
                }
                let workbench = Workbench(actor: actor.actor, language: lang.language)
                let council = try CouncilStore(try workbench.connect()).addMember(council: self.council, person: person, name: name, organisation: organisation, role: role, actor: workbench.actor)
                Output.write(CouncilRender.council(council, lang.language))
            }
        }
    }
}

/// `ocop council session …`
struct CouncilSessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Phiên họp hội đồng / council sessions.",
        subcommands: [Open.self, List.self, Status.self, Attendance.self, Recuse.self, Override.self, Knockout.self, Defer.self, Finalize.self, Minutes.self]
    )

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mở phiên họp / open a session with its dossiers (ready_for_council) and attendance.")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Option(help: "Mã hội đồng.") var council: String
        @Option(help: "Ngày họp YYYY-MM-DD.") var date: String
        @Option(help: "Địa điểm.") var place: String?
        @Option(name: .customLong("dossier"), help: "Hồ sơ (lặp lại).") var dossiers: [String] = []
        @Option(name: .customLong("absent"), help: "Thành viên vắng mặt (lặp lại); những người khác có mặt.") var absent: [String] = []
        func run() throws {
            try runReporting(lang.language) {
                guard let held = PostgresDate(iso: date) else {
                    throw UserFacingError(lang.language == .vi ? "--date phải có dạng YYYY-MM-DD." : "--date must be YYYY-MM-DD.")
                }
                let workbench = Workbench(actor: actor.actor, language: lang.language)
                let snapshot = try CouncilStore(try workbench.connect()).openSession(council: council, heldOn: held, place: place, dossiers: dossiers, absent: absent, actor: workbench.actor)
                let vi = lang.language == .vi
                Output.write(vi ? "Đã mở phiên \(snapshot.code) (\(snapshot.council.name), ngày \(CouncilRender.date(snapshot.heldOn, .vi))): \(snapshot.dossiers.count) hồ sơ, \(snapshot.roster.filter { $0.present && $0.role != .advisor }.count) thành viên có mặt."
                    : "Opened session \(snapshot.code) (\(snapshot.council.name), \(snapshot.heldOn)): \(snapshot.dossiers.count) dossiers, \(snapshot.roster.filter { $0.present && $0.role != .advisor }.count) members present.")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Danh sách phiên họp / list sessions.")
        @OptionGroup var lang: LanguageOption
        @Option(help: "Lọc theo hội đồng.") var council: String?
        @Option(help: "table | json | csv") var format: OutputFormat = .table
        func run() throws {
            try runReporting(lang.language) {
                let sessions = try CouncilStore(try Workbench(actor: "", language: lang.language).connect()).sessions(council: council)
                let vi = lang.language == .vi
                Output.write(Output.list(sessions, format: format, headers: vi ? ["phiên", "hội đồng", "ngày", "trạng thái", "hồ sơ", "đã kết luận", "hoãn"] : ["session", "council", "date", "status", "dossiers", "decided", "deferred"]) { s in
                    [s.code, s.council, s.heldOn, s.status, String(s.dossiers), String(s.decided), String(s.deferred)]
                })
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tình hình chấm điểm / per dossier: who scored, average, spread, ★ splits, what needs discussion.",
            discussion: "JSON: one object per dossier with dossier, product, scored, missing, recused, average (null before any sheet), spread, stars (null until finalized), flags [{id, text, overridden}] (a council knock-out is the flag knockout:<clause>), needsDiscussion, canFinalize, deferred (the reason, or null), outcome.")
        @OptionGroup var lang: LanguageOption
        @Argument(help: "Mã phiên (vd. PH-2026-001).") var session: String
        @Option(help: "table | json") var format: OutputFormat = .table
        func run() throws {
            try runReporting(lang.language) {
                let report = try CouncilStore(try Workbench(actor: "", language: lang.language).connect()).status(session)
                Output.write(format == .json ? Output.json(CouncilRender.statusJSON(report, lang.language)) : CouncilRender.statusTable(report, lang.language))
            }
        }
    }

    struct Attendance: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ghi nhận có mặt / vắng mặt / record attendance.")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument var session: String
        @Option(name: .customLong("present")) var present: [String] = []
        @Option(name: .customLong("absent")) var absent: [String] = []
        func run() throws {
            try runReporting(lang.language) {
                let workbench = Workbench(actor: actor.actor, language: lang.language)
                try CouncilStore(try workbench.connect()).recordAttendance(session: session, present: present, absent: absent, actor: workbench.actor)
                Output.write(lang.language == .vi ? "Đã ghi nhận." : "Recorded.")
            }
        }
    }

    struct Recuse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Khai báo xung đột lợi ích / a member declares a conflict of interest for one dossier.",
            discussion: "Kinds: kin, employee, consultant, cooperative_member, other. A recused member cannot score the dossier and does not count towards its quorum.")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument var session: String
        @Option var dossier: String
        @Option var member: String
        @Option(help: "kin | employee | consultant | cooperative_member | other") var kind: String = "other"
        @Option(help: "Lý do.") var reason: String
        func run() throws {
            try runReporting(lang.language) {
                guard let kind = RecusalRecord.Kind(rawValue: kind) else {
                    throw UserFacingError("--kind \(self.kind)? — " + RecusalRecord.Kind.allCases.map(\.rawValue).joined(separator: ", "))
                }
                let workbench = Workbench(actor: actor.actor, language: lang.language)
                try CouncilStore(try workbench.connect()).recuse(session: session, dossier: dossier, person: member, kind: kind, reason: reason, actor: workbench.actor)
                Output.write(lang.language == .vi ? "Đã ghi nhận: \(member) không chấm hồ sơ \(dossier.uppercased()) (\(kind.label(.vi)))."
                    : "Recorded: \(member) will not score \(dossier.uppercased()) (\(kind.label(.en))).")
            }
        }
    }

    struct Override: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Chủ tịch quyết định bỏ qua cảnh báo / the chair overrides a spread or ★-split flag with a reason.",
            discussion: "Flags: spread, minimum:<criterion>:<stars> (as shown by session status). A missing quorum cannot be overridden.")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument var session: String
        @Option var dossier: String
        @Option var flag: String
        @Option(help: "Mã người của Chủ tịch.") var chair: String
        @Option var reason: String
        func run() throws {
            try runReporting(lang.language) {
                let workbench = Workbench(actor: actor.actor, language: lang.language)
                try CouncilStore(try workbench.connect()).override(session: session, dossier: dossier, flag: flag, chair: chair, reason: reason, actor: workbench.actor)
                Output.write(lang.language == .vi ? "Đã ghi nhận quyết định của Chủ tịch về \(flag)." : "The chair's override of \(flag) is recorded.")
            }
        }
    }

    struct Finalize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Kết thúc phiên, tính kết quả / finalize: check quorum, spread, ★ splits; rate; store results; move dossiers on.",
            discussion: "All or nothing; running it again (or from two terminals at once) yields one result per dossier. Deferred dossiers are left out; a council knock-out makes the result disqualified (not_recognised).")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument var session: String
        @Option(name: .customLong("dossier"), help: "Chỉ kết luận các hồ sơ này (lặp lại).") var only: [String] = []
        func run() throws {
            try runReporting(lang.language) {
                let workbench = Workbench(actor: actor.actor, language: lang.language)
                let connection = try workbench.connect()
                let report = try CouncilStore(connection).finalize(session, only: only, actor: workbench.actor)
                let vi = lang.language == .vi
                var lines: [String] = []
                if report.decided.isEmpty {
                    lines.append(vi ? "Không có hồ sơ mới để kết luận (đã kết luận: \(report.alreadyDecided.count))." : "Nothing new to decide (already decided: \(report.alreadyDecided.count)).")
                }
                let snapshot = try CouncilStore(connection).snapshot(session)
                for d in snapshot.dossiers where report.decided.contains(d.code) {
                    guard let r = d.result else { continue }
                    lines.append("\(d.code) \(d.productName): \(CouncilRender.average(r.average, lang.language)) — \(CouncilRender.stars(r, lang.language)) → \(r.outcome.rawValue)")
                    lines += r.reasons(lang.language).filter { !$0.hasPrefix("Chênh lệch") && !$0.hasPrefix("Spread") }.map { "    - " + $0 }
                }
                if !report.deferred.isEmpty {
                    lines.append((vi ? "Hoãn xét (không kết luận ở phiên này): " : "Deferred (not decided in this session): ") + report.deferred.joined(separator: ", "))
                }
                if report.sessionFinalized { lines.append(vi ? "Phiên \(report.session) đã kết thúc." : "Session \(report.session) is finalized.") }
                Output.write(lines.joined(separator: "\n"))
            }
        }
    }

    struct Minutes: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Biên bản họp / the minutes: attendance, recusals, results, reasons, overrides.")
        @OptionGroup var lang: LanguageOption
        @Argument var session: String
        @Option(help: "markdown | text") var format: String = "markdown"
        func run() throws {
            try runReporting(lang.language) {
                guard ["markdown", "md", "text"].contains(format) else { throw UserFacingError("--format markdown | text", code: ExitStatus.usage) }
                let connection = try Workbench(actor: "", language: lang.language).connect()
                let snapshot = try CouncilStore(connection).snapshot(session)
                Output.write(try CouncilMinutes.render(snapshot, connection: connection, language: lang.language, markdown: format != "text"))
            }
        }
    }
}
