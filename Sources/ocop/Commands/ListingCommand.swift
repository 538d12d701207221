import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// `ocop listing …`: a product sold at an outlet, from a day to a day, with or without the OCOP
/// mark of a certificate in force.
struct ListingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listing",
        abstract: L("Điểm bán sản phẩm: ghi, kết thúc, cập nhật nhãn OCOP, danh sách (phải gỡ nhãn OCOP).",
                    "Where products are sold: add, end, update the OCOP mark, list (must withdraw the mark)."),
        discussion: L("""
            Chỉ sản phẩm có giấy chứng nhận còn hiệu lực mới được bán với nhãn OCOP; điểm bán ghi lại giấy chứng nhận mà nhãn \
            thể hiện. Khi giấy chứng nhận đó hết hiệu lực, bị thu hồi hoặc được thay thế (nâng hạng, đánh giá lại), điểm bán bị \
            đánh dấu "phải gỡ nhãn OCOP" (điểm b khoản 3 Điều 9) cho đến khi kết thúc (ocop listing end) hoặc cập nhật nhãn theo \
            giấy chứng nhận mới (ocop listing update). Điểm bán không bao giờ bị xóa: kết thúc là ghi ngày bán cuối.
            """, """
            Only a product with a certificate in force may be sold with the OCOP mark; a listing records the certificate its \
            mark shows. When that certificate expires, is revoked or superseded (upgrade, re-evaluation), the listing is \
            flagged "must withdraw the OCOP mark" (Art. 9.3.b) until it ends (ocop listing end) or carries the new \
            certificate (ocop listing update). A listing is never deleted: ending it records its last day on sale.
            """),
        subcommands: [Add.self, End.self, Update.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: L("Ghi sản phẩm bán tại một kênh từ một ngày.", "Record a product sold at an outlet from a day."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Option(help: L("Mã sản phẩm hoặc id.", "Product code or id.")) var product: String
        @Option(help: L("Mã kênh phân phối (ocop outlet list).", "Outlet code (ocop outlet list).")) var outlet: String
        @Option(name: .customLong("from"), help: L("Ngày bắt đầu bán YYYY-MM-DD (mặc định hôm nay).", "First day on sale YYYY-MM-DD (default today).")) var from: String?
        @Flag(name: .customLong("no-mark"), help: L("Bán không dùng nhãn OCOP.", "Sold without the OCOP mark.")) var noMark = false
        @Option(help: L("Giấy chứng nhận mà nhãn thể hiện (mặc định: giấy chứng nhận còn hiệu lực ngày bắt đầu).", "The certificate the mark shows (default: the one in force on the first day).")) var certificate: String?
        @Option(help: L("Số hợp đồng/đơn hàng làm minh chứng.", "Contract or order number (evidence).")) var contract: String?
        @Option(help: L("Tài liệu minh chứng (tên tệp, nơi lưu).", "Evidence document (file name, where it is kept).")) var document: String?
        @Option(help: "text | json") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .json])
                let bench = try workbench(actor)
                let listing = try bench.addListing(ListingRequest(
                    product: product, outlet: try readCode(OutletCode.self, outlet), listedOn: try from.map { try readDate($0, field: "listed_on") } ?? bench.today,
                    ocopMark: !noMark, certificate: try certificate.map(readCertificateNumber), contractNo: contract, document: document))
                if format == .json { Output.write(Output.json(ListingView.JSON(listing, language: language))); return }
                Output.write(MarketRender.recorded(listing, language))
            }
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "end", abstract: L("Ghi ngày bán cuối của một điểm bán.", "Record a listing's last day on sale."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Số điểm bán (#, ocop listing list).", "Listing number (#, ocop listing list).")) var listing: Int
        @Option(help: L("Ngày bán cuối YYYY-MM-DD (mặc định hôm nay).", "Last day on sale YYYY-MM-DD (default today).")) var date: String?
        @Option(help: L("Lý do (hết hợp đồng, gỡ nhãn OCOP …).", "Why (contract ended, OCOP mark withdrawn …).")) var reason: String?

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let listing = try workbench(actor).endListing(self.listing, on: try date.map { try readDate($0, field: "ended_on") }, reason: reason)
                Output.write(language == .vi
                    ? "Đã ghi ngày bán cuối \(listing.facts.endedOn?.display(.vi) ?? "") của điểm bán #\(listing.id): \(listing.productName) tại \(listing.outlet.display)."
                    : "Recorded \(listing.facts.endedOn?.display(.en) ?? "") as the last day of listing #\(listing.id): \(listing.productName) at \(listing.outlet.display).")
            }
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: L("Cập nhật nhãn OCOP của điểm bán theo giấy chứng nhận mới của sản phẩm.", "Update a listing's OCOP mark to the product's new certificate."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Số điểm bán (#).", "Listing number (#).")) var listing: Int
        @Option(help: L("Ngày bắt đầu dùng nhãn mới YYYY-MM-DD (mặc định hôm nay).", "The day the new mark is on the shelf YYYY-MM-DD (default today).")) var date: String?
        @Option(help: L("Giấy chứng nhận (mặc định: giấy còn hiệu lực vào ngày đó).", "Certificate (default: the one in force that day).")) var certificate: String?

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let listing = try workbench(actor).remarkListing(self.listing, since: try date.map { try readDate($0) },
                                                                 certificate: try certificate.map(readCertificateNumber))
                let mark = listing.facts.marks.last
                Output.write(language == .vi
                    ? "Điểm bán #\(listing.id) (\(listing.productName) tại \(listing.outlet.display)) mang nhãn OCOP của \(mark?.certificate.number.description ?? "") (\(mark?.certificate.stars ?? 0)★) từ ngày \(mark?.since.display(.vi) ?? "")."
                    : "Listing #\(listing.id) (\(listing.productName) at \(listing.outlet.display)) carries the OCOP mark of \(mark?.certificate.number.description ?? "") (\(mark?.certificate.stars ?? 0)★) from \(mark?.since.display(.en) ?? "").")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: L("Danh sách điểm bán và tình trạng vào một ngày.", "List listings and how they stand on a day."),
            discussion: L("Tình trạng: listed_ocop (bán là sản phẩm OCOP), listed (không dùng nhãn), must_withdraw (phải gỡ nhãn OCOP), not_yet_listed, ended.",
                          "Status: listed_ocop (sold as an OCOP product), listed (without the mark), must_withdraw (must withdraw the OCOP mark), not_yet_listed, ended."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var asOf: AsOfOption
        @Option(help: L("Lọc theo sản phẩm.", "Filter by product.")) var product: String?
        @Option(help: L("Lọc theo kênh phân phối.", "Filter by outlet.")) var outlet: String?
        @Flag(name: .customLong("must-withdraw"), help: L("Chỉ các điểm bán phải gỡ nhãn OCOP.", "Only listings that must withdraw the OCOP mark.")) var mustWithdraw = false
        @Flag(help: L("Cả các điểm bán đã kết thúc.", "Include ended listings.")) var all = false
        @Option(help: "table | json | csv") var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let listings = try workbench().listings(product: product, outlet: try outlet.map { try readCode(OutletCode.self, $0) },
                                                        mustWithdraw: mustWithdraw, includeEnded: all, asOf: try asOf.date())
                Output.write(try MarketRender.list(listings, format: format, language))
            }
        }
    }
}
