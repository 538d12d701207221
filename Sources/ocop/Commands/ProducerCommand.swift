import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

struct ProducerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "producer",
        abstract: L("Chủ thể OCOP (HTX, tổ hợp tác, doanh nghiệp, trang trại, hộ kinh doanh).", "Producers (cooperatives, groups, enterprises, farms, households)."),
        subcommands: [Add.self, List.self, Show.self, Edit.self]
    )

    static let kindHelp = ArgumentHelp(L(
        "Loại hình: htx (hợp tác xã), tht (tổ hợp tác), dn (doanh nghiệp nhỏ và vừa), trang_trai, ho (hộ có ĐKKD), hoi (hội/hiệp hội – du lịch).",
        "Kind: htx (cooperative), tht (cooperative group), dn (small or medium enterprise), trang_trai (farm), ho (registered household), hoi (association – tourism)."))

    static func kind(_ raw: String) throws -> ProducerKind {
        try choice(raw, field: "kind", allowed: ProducerKind.allCases.map(\.rawValue), ProducerKind.init(flexible:))
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: L("Đăng ký chủ thể.", "Register a producer."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Option(name: .long, help: L("Mã số thuế / số đăng ký kinh doanh (duy nhất).", "Tax or business registration number (unique).")) var registration: String
        @Option(name: .long, help: L("Tên chủ thể.", "Producer name.")) var name: String
        @Option(name: .long, help: ProducerCommand.kindHelp) var kind: String
        @Option(name: .long, help: L("Mã xã/phường (QĐ 19/2025).", "Commune code (QĐ 19/2025).")) var commune: String
        @Option(name: .long, help: L("Địa chỉ.", "Address.")) var address: String?
        @Option(name: .long, help: L("Điện thoại.", "Phone.")) var phone: String?
        @Option(name: .long, help: "Email.") var email: String?
        @Option(name: .long, help: L("Người đại diện theo pháp luật.", "Legal representative.")) var representative: String?
        @Flag(name: .long, help: L("Người đại diện là nữ (tiêu chí 3.2).", "The representative is a woman (criterion 3.2).")) var female = false
        @Flag(name: .long, help: L("Người đại diện là đồng bào dân tộc thiểu số (tiêu chí 3.2).", "The representative is from an ethnic minority (criterion 3.2).")) var ethnicMinority = false
        @Flag(name: .long, help: L("Người đại diện là người khuyết tật (tiêu chí 3.2).", "The representative has a disability (criterion 3.2).")) var disabled = false
        @Option(name: .long, help: "text | json") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .json])
                let producer = try workbench(actor).addProducer(ProducerDraft(
                    registrationNo: registration, name: name, kind: try ProducerCommand.kind(kind), communeCode: commune, address: address,
                    phone: phone, email: email,
                    representative: Representative(name: representative, female: female, ethnicMinority: ethnicMinority, disabled: disabled)))
                if format == .json { Output.write(Output.json(producer)); return }
                Output.write(language == .vi
                    ? "Đã đăng ký chủ thể \(producer.name) (mã số \(producer.registrationNo), id \(producer.id))."
                    : "Registered producer \(producer.name) (number \(producer.registrationNo), id \(producer.id)).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: L("Danh sách chủ thể.", "List producers."))
        @OptionGroup var lang: LanguageOption
        @Option(name: .long, help: L("Lọc theo mã xã.", "Filter by commune code.")) var commune: String?
        @Option(name: .long, help: ProducerCommand.kindHelp) var kind: String?
        @Option(name: .long, help: L("Tìm theo tên (gõ không dấu cũng được: \"mat ong\") hoặc mã số.", "Search by name (diacritics optional: \"mat ong\") or number.")) var search: String?
        @Option(name: .long, help: "table | json | csv") var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let producers = try workbench().producers(commune: commune, kind: try kind.map(ProducerCommand.kind), search: search)
                let vi = language == .vi
                Output.write(try Output.list(producers, format: format,
                    headers: vi ? ["id", "mã số", "tên", "loại hình", "xã", "số SP"] : ["id", "number", "name", "kind", "commune", "products"]) { p in
                    [String(p.id), p.registrationNo, p.name, p.kind.rawValue, "\(p.communeName) (\(p.communeCode))", String(p.productCount)]
                })
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: L("Thông tin một chủ thể.", "Show a producer."))
        @OptionGroup var lang: LanguageOption
        @Argument(help: L("Mã số thuế/đăng ký hoặc id.", "Registration number or id.")) var producer: String
        @Option(name: .long, help: "text | json | csv") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .table, .json, .csv])
                let detail = try workbench().producer(producer)
                let p = detail.producer
                let vi = language == .vi
                switch format {
                case .json: Output.write(Output.json(detail))
                case .csv:
                    Output.write(Output.csv(headers: ["id", "registration_no", "name", "kind", "commune_code", "address", "phone", "email", "representative", "representative_female", "representative_ethnic_minority", "representative_disabled", "products"],
                        rows: [[String(p.id), p.registrationNo, p.name, p.kind.rawValue, p.communeCode, p.address ?? "", p.phone ?? "", p.email ?? "", p.representative.name ?? "",
                                String(p.representative.female), String(p.representative.ethnicMinority), String(p.representative.disabled), String(p.productCount)]]))
                default:
                    var facts: [String] = []
                    if p.representative.female { facts.append(vi ? "nữ" : "woman") }
                    if p.representative.ethnicMinority { facts.append(vi ? "dân tộc thiểu số" : "ethnic minority") }
                    if p.representative.disabled { facts.append(vi ? "người khuyết tật" : "person with disability") }
                    Output.write(Output.record([
                        (vi ? "Tên" : "Name", p.name),
                        (vi ? "Mã số" : "Number", p.registrationNo),
                        (vi ? "Loại hình" : "Kind", p.kind.label(language)),
                        (vi ? "Xã/phường" : "Commune", "\(p.communeName) (\(p.communeCode)), \(vi ? "tỉnh" : "province") \(p.provinceCode)"),
                        (vi ? "Địa chỉ" : "Address", p.address ?? "—"),
                        (vi ? "Điện thoại" : "Phone", p.phone ?? "—"),
                        ("Email", p.email ?? "—"),
                        (vi ? "Người đại diện" : "Representative", (p.representative.name ?? "—") + (facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))")),
                        (vi ? "Tiêu chí 3.2" : "Criterion 3.2", p.representative.qualifiesForCriterion32 ? (vi ? "đạt (1 điểm)" : "met (1 point)") : (vi ? "không" : "no")),
                    ]))
                    if !detail.products.isEmpty {
                        Output.write("")
                        Output.write(Output.table(headers: vi ? ["mã sản phẩm", "tên", "bộ", "sao"] : ["product code", "name", "set", "stars"],
                            rows: detail.products.map { [$0.code, $0.name, String($0.productSet), $0.stars.map { "\($0)★" } ?? "—"] }))
                    }
                }
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: L("Sửa thông tin chủ thể (chỉ các trường được nêu).", "Edit a producer (only the given fields change)."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã số thuế/đăng ký hoặc id.", "Registration number or id.")) var producer: String
        @Option(name: .long, help: L("Tên chủ thể.", "Producer name.")) var name: String?
        @Option(name: .long, help: ProducerCommand.kindHelp) var kind: String?
        @Option(name: .long, help: L("Mã xã/phường.", "Commune code.")) var commune: String?
        @Option(name: .long, help: L("Địa chỉ.", "Address.")) var address: String?
        @Option(name: .long, help: L("Điện thoại.", "Phone.")) var phone: String?
        @Option(name: .long, help: "Email.") var email: String?
        @Option(name: .long, help: L("Người đại diện theo pháp luật.", "Legal representative.")) var representative: String?
        @Option(name: .long, help: "true | false") var female: Bool?
        @Option(name: .long, help: "true | false") var ethnicMinority: Bool?
        @Option(name: .long, help: "true | false") var disabled: Bool?

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let updated = try workbench(actor).editProducer(producer, ProducerChanges(
                    name: name, kind: try kind.map(ProducerCommand.kind), communeCode: commune, address: address, phone: phone, email: email,
                    representativeName: representative, female: female, ethnicMinority: ethnicMinority, disabled: disabled))
                Output.write(language == .vi ? "Đã cập nhật chủ thể \(updated.name)." : "Updated producer \(updated.name).")
            }
        }
    }
}
