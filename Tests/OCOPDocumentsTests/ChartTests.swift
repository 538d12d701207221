import Foundation
import OCOPDocuments
import OCOPDomain
import OCOPModels
import Testing

@Suite("Charts")
struct ChartTests {
    static let bars = ChartDocument(
        title: "Sản phẩm OCOP được công nhận theo năm", subtitle: "Tỉnh Bắc Ninh, 2023–2026",
        kind: .bar(BarChart(categories: ["2023", "2024", "2025", "2026"],
                            series: [ChartSeries(name: "3 sao", values: [ChartNumber(41), ChartNumber(56), ChartNumber(63), ChartNumber(48)]),
                                     ChartSeries(name: "4 sao", values: [ChartNumber(12), ChartNumber(19), ChartNumber(27), ChartNumber(31)]),
                                     ChartSeries(name: "5 sao", values: [ChartNumber(0), ChartNumber(1), ChartNumber(2), ChartNumber(2)])],
                            valueAxisLabel: "Số sản phẩm")),
        date: Fixture.day(2026, 12, 31))

    static let means = ChartDocument(
        title: "Điểm trung bình theo bộ sản phẩm",
        kind: .bar(BarChart(categories: ["Mật ong, mật khác", "Gạo, ngũ cốc", "Chế biến từ rau, củ, quả, hạt", "Thủ công mỹ nghệ gia dụng, trang trí"],
                            series: [ChartSeries(name: "Điểm", values: [ExactMean(sum: 549, count: 7), ExactMean(sum: 515, count: 7),
                                                                         ExactMean(sum: 447, count: 7), ExactMean(sum: 645, count: 7)].map(ChartNumber.init))],
                            valueAxisLabel: "Điểm trung bình")),
        width: 150, height: 90, date: Fixture.day(2026, 12, 31))

    static func share(_ style: ShareChart.Style) -> ChartDocument {
        ChartDocument(title: "Cơ cấu hạng sao năm 2026",
                      kind: .share(ShareChart(style: style, slices: [ShareSlice(label: "3 sao", value: ChartNumber(48)),
                                                                     ShareSlice(label: "4 sao", value: ChartNumber(31)),
                                                                     ShareSlice(label: "5 sao", value: ChartNumber(2))])),
                      width: 150, height: style == .bar ? 60 : 80, date: Fixture.day(2026, 12, 31))
    }

    static let all: [(String, ChartDocument)] = [
        ("chart-bars", bars), ("chart-means", means), ("chart-donut", share(.donut)), ("chart-pie", share(.pie)), ("chart-share-bar", share(.bar)),
    ]

    /// Width and height from a PNG's IHDR.
    static func pngSize(_ data: Data) -> (Int, Int) {
        let b = [UInt8](data)
        func int(_ at: Int) -> Int { Int(b[at]) << 24 | Int(b[at + 1]) << 16 | Int(b[at + 2]) << 8 | Int(b[at + 3]) }
        return (int(16), int(20))
    }

    @Test("SVG, PNG and PDF of every chart; the same bytes twice", arguments: 0..<5)
    func outputs(_ index: Int) throws {
        let (name, chart) = Self.all[index]
        let svg = try renderer.svg(chart)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.hasPrefix("<?xml") && text.contains("<svg"))
        #expect(text.contains("pt\""))
        #expect(try renderer.svg(chart) == svg)

        let png = try renderer.png(chart, dpi: 150)
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let (w, h) = Self.pngSize(png)
        #expect(w == Int((chart.width / 25.4 * 150).rounded()) && h == Int((chart.height / 25.4 * 150).rounded()))
        #expect(try renderer.png(chart, dpi: 150) == png)

        let pdf = try renderer.pdf(chart)
        let inspection = try inspect(pdf)
        #expect(inspection.pages == 1)
        expectOnlyLiberationSerif(inspection)
        #expect(inspection.text.contains(chart.title))
        #expect(try renderer.pdf(chart) == pdf)
        if updatingGoldens {
            try FileManager.default.createDirectory(at: pictureDirectory, withIntermediateDirectories: true)
            try png.write(to: pictureDirectory.appendingPathComponent("\(name).png"))
        }
    }

    @Test("Values, ticks and percentages are printed exactly")
    func labels() throws {
        let bars = try inspect(try renderer.pdf(Self.means)).text
        for value in ["78,43", "73,57", "63,86", "92,14"] { #expect(bars.contains(value), "missing \(value)") }
        let donut = try inspect(try renderer.pdf(Self.share(.donut))).text
        // 48/81 = 59,26 % → 59,3 %; 31/81 → 38,3 %; 2/81 → 2,5 %.
        for value in ["59,3 %", "38,3 %", "2,5 %", "81"] { #expect(donut.contains(value), "missing \(value)") }
        var english = Self.share(.donut)
        english.language = .en
        #expect(try inspect(try renderer.pdf(english)).text.contains("59.3 %"))
    }

    @Test("Charts without data or with mismatched series are refused")
    func invalid() {
        let empty = ChartDocument(title: "Trống", kind: .bar(BarChart(categories: [], series: [])))
        #expect(throws: DocumentError.self) { try renderer.svg(empty) }
        let mismatched = ChartDocument(title: "Lệch", kind: .bar(BarChart(categories: ["a", "b"], series: [ChartSeries(name: "x", values: [ChartNumber(1)])])))
        #expect(throws: DocumentError.self) { try renderer.png(mismatched) }
        let zero = ChartDocument(title: "Không", kind: .share(ShareChart(slices: [ShareSlice(label: "a", value: ChartNumber(0))])))
        #expect(throws: DocumentError.self) { try renderer.pdf(zero) }
    }
}
