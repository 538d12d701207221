import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// `ocop outlet …`: where OCOP products are sold or shown.
struct OutletCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outlet",
        abstract: L("Kênh phân phối: siêu thị, điểm bán OCOP, đại lý, hội chợ, sàn TMĐT, thị trường xuất khẩu.",
                    "Outlets: supermarkets, OCOP sales points, agents, trade fairs, e-commerce, export markets."),
        discussion: L("Loại (--kind): \(OutletKind.codes.joined(separator: ", ")). Xem docs/after-recognition.md.",
                      "Kinds (--kind): \(OutletKind.codes.joined(separator: ", ")). See docs/after-recognition.md."),
        subcommands: [Add.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: L("Ghi một kênh phân phối.", "Record an outlet."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Mã kênh (tự chọn), vd. AEON-LB.", "Outlet code (your choice), e.g. AEON-LB.")) var code: String
        @Option(help: ArgumentHelp(L("Loại kênh.", "Kind of outlet."), valueName: OutletKind.codes.joined(separator: "|"))) var kind: String
        @Option(help: L("Tên kênh, vd. \"AEON Mall Long Biên\".", "The outlet's name, e.g. \"AEON Mall Long Biên\".")) var name: String
        @Option(help: L("Chuỗi siêu thị, vd. Aeon, BigC/GO!, WinMart.", "Supermarket chain, e.g. Aeon, BigC/GO!, WinMart.")) var chain: String?
        @Option(help: L("Địa chỉ.", "Address.")) var address: String?
        @Option(help: L("Nước nhập khẩu (ISO 3166-1, vd. JP) — thị trường xuất khẩu.", "Importing country (ISO 3166-1, e.g. JP) — export markets.")) var country: String?
        @Option(help: L("Nhà nhập khẩu — thị trường xuất khẩu.", "Importer — export markets.")) var importer: String?
        @Option(help: L("Ghi chú.", "Note.")) var note: String?
        @Option(help: "text | json") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .json])
                let kind = try choice(self.kind, field: "kind", allowed: OutletKind.codes, OutletKind.init(flexible:))
                let outlet = try workbench(actor).addOutlet(OutletDraft(
                    code: try readCode(OutletCode.self, code), kind: kind, name: name, chain: chain, address: address,
                    country: try country.map { try readCode(CountryCode.self, $0) }, importer: importer, note: note))
                if format == .json { Output.write(Output.json(outlet)); return }
                Output.write(language == .vi ? "Đã ghi kênh phân phối \(outlet.code): \(outlet.display) (\(outlet.kind.label(.vi)))."
                                             : "Recorded outlet \(outlet.code): \(outlet.display) (\(outlet.kind.label(.en))).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: L("Danh sách kênh phân phối.", "List outlets."))
        @OptionGroup var lang: LanguageOption
        @Option(help: ArgumentHelp(L("Lọc theo loại.", "Filter by kind."), valueName: OutletKind.codes.joined(separator: "|"))) var kind: String?
        @Option(help: "table | json | csv") var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let kind = try self.kind.map { try choice($0, field: "kind", allowed: OutletKind.codes, OutletKind.init(flexible:)) }
                let outlets = try workbench().outlets(kind: kind)
                let vi = language == .vi
                Output.write(try Output.list(outlets, format: format, headers: vi ? ["mã", "loại", "tên", "chuỗi", "nước", "nhà nhập khẩu", "địa chỉ"]
                                                                                : ["code", "kind", "name", "chain", "country", "importer", "address"]) { o in
                    [o.code.rawValue, format == .csv ? o.kind.rawValue : o.kind.shortLabel(language), o.name, o.chain ?? "", o.country?.rawValue ?? "", o.importer ?? "", o.address ?? ""]
                })
            }
        }
    }
}
