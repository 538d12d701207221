import Foundation
import OCOPDocuments
import OCOPDomain
import OCOPModels
import Testing

@Suite("Scoring sheets")
struct ScoringSheetTests {
    static func filled(_ set: ProductSet, total: Int = 75) throws -> ScoringSheetDocument {
        let sheet = try #require(set.sheet(totalling: total, floors: set.starMinimumFloors(upTo: 3), preferringHigherOptions: true,
                                           label: "Phạm Thị Ngọc Ánh"))
        return ScoringSheetDocument(
            productSet: set, heading: "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP TỈNH BẮC NINH",
            product: SheetProductFields(productName: "Sản phẩm thử nghiệm bộ \(set.number)", productCode: "24-07291-0\(10 + set.number)-2026",
                                        producerName: "Hợp tác xã Nông nghiệp Quý Sơn", phone: "0204 3856 123",
                                        address: "Thôn Phú Thọ, xã Lục Ngạn, tỉnh Bắc Ninh"),
            filled: FilledSheet(memberName: "Phạm Thị Ngọc Ánh", sheet: sheet,
                                comment: "Hồ sơ đầy đủ; đề nghị chủ thể bổ sung phiếu kiểm nghiệm định kỳ."),
            place: "Bắc Ninh", date: CouncilFixture.meetingDate)
    }

    /// The number of options a filled sheet marks: criteria whose points match a printed option.
    static func marked(_ set: ProductSet, _ sheet: ScoreSheet) -> Int {
        set.scorableCriteria.filter { c in
            guard let answer = sheet.answers[c.code] else { return false }
            return c.options.contains { !$0.isSynthesized && $0.points == answer.points && ($0.variant == nil || answer.variant == nil || $0.variant == answer.variant) }
        }.count
    }

    @Test("Blank sheets of all 26 sets: every page repeats the table header", arguments: 1...26)
    func blank(_ number: Int) throws {
        let set = allSets[number - 1]
        let pdf = try renderer.pdf(ScoringSheetDocument(productSet: set))
        let inspection = try inspect(pdf)
        expectOnlyLiberationSerif(inspection)
        #expect(isNFC(inspection.text))
        #expect(inspection.pages >= 2)
        let flat = inspection.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("\(set.number). Bộ sản phẩm:"))
        #expect(flat.contains("Mã số sản phẩm.(T).-.(X).-.(STT).-20"))
        #expect(flat.contains("TỔNG CỘNG 100"))
        #expect(flat.contains("Ghi chú: Dấu sao là yêu cầu tối thiểu"))
        #expect(!inspection.text.contains("\u{25A0}"))
        // Every page from the table's first to the one with its total shows the header row.
        let pages = inspection.pageTexts
        let first = try #require(pages.firstIndex { $0.contains("Các tiêu chí") })
        let last = try #require(pages.firstIndex { $0.contains("TỔNG CỘNG") })
        #expect(last > first)
        for page in first...last {
            #expect(pages[page].contains("Các tiêu chí") && pages[page].contains("Thang điểm"), "set \(number) page \(page + 1) lacks the header row")
        }
        if let clause = set.disqualification {
            #expect(flat.contains(clause.lead))
        }
        for part in set.parts { #expect(flat.contains("Phần \(part.code.rawValue):")) }
        if number == 1 {
            try expectGolden("scoring-blank-01-vi", inspection.text)
            try renderPictures("scoring-blank-01-vi", pdf, pages: [1, 2, inspection.pages])
        }
    }

    @Test("Filled sheets of all 26 sets: ■ on the chosen options, points and total", arguments: 1...26)
    func filled(_ number: Int) throws {
        let set = allSets[number - 1]
        let document = try Self.filled(set)
        let pdf = try renderer.pdf(document)
        let inspection = try inspect(pdf)
        expectOnlyLiberationSerif(inspection)
        #expect(isNFC(inspection.text))
        let flat = inspection.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("Điểm chấm"))
        #expect(flat.contains("TỔNG CỘNG 100 75"))
        #expect(flat.contains("Phạm Thị Ngọc Ánh"))
        let sheet = try #require(document.filled?.sheet)
        #expect(inspection.text.filter { $0 == "\u{25A0}" }.count == Self.marked(set, sheet))
        if number == 26 {
            #expect(flat.contains("Trường hợp 1:") && flat.contains("Trường hợp 2:"))
            try expectGolden("scoring-filled-26-vi", inspection.text)
            try renderPictures("scoring-filled-26-vi", pdf, pages: [1, 5, inspection.pages])
        }
    }
}
