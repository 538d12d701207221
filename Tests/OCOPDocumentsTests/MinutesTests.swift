import Foundation
import OCOPDocuments
import OCOPDomain
import OCOPModels
import Testing

@Suite("Council minutes and notices")
struct MinutesTests {
    @Test("The fixture round covers every outcome")
    func outcomes() throws {
        let e = try CouncilFixture.evaluations()
        #expect(e.map(\.proposal) == [.recognise, .recognise, .notRecognised, .proposeFiveStars, .notRecognised])
        #expect(e[0].stars == 4)
        #expect(e[1].band == 4 && e[1].stars == 3 && !e[1].unmetMinimums.isEmpty)
        #expect(e[4].stars == nil && !e[4].knockOuts.isEmpty)
    }

    @Test("Minutes: Mẫu 1.9 frame, every product, summary annex")
    func minutes() throws {
        let pdf = try renderer.pdf(try CouncilFixture.minutes())
        let inspection = try inspect(pdf)
        expectOnlyLiberationSerif(inspection)
        #expect(isNFC(inspection.text))
        let text = inspection.text
        for expected in ["Số: 03/BB-HĐOCOP", "BIÊN BẢN", "Thời gian bắt đầu: 08 giờ 00 phút", "07/08", "THƯ KÝ", "CHỦ TỌA",
                         "Bùi Thanh Tùng", "Trần Quốc Toản", "Cuộc họp kết thúc vào 11 giờ 30 phút", "BẢNG TỔNG HỢP",
                         "Đề xuất 5 sao", "Không công nhận"] {
            #expect(text.contains(expected), "missing «\(expected)»")
        }
        // Mẫu 1.9: no place and date line in the header.
        #expect(!text.contains("Bắc Ninh, ngày"))
        try expectGolden("minutes-vi", text)
        try renderPictures("minutes-vi", pdf)
    }

    /// The central council proposes 5★ to the Minister (Art. 7.4.e) and sends a result below 90
    /// back to the province (Art. 7.4.g); its minutes name no provincial round.
    @Test("Minutes of the central council", arguments: [Language.vi, .en])
    func centralMinutes(_ language: Language) throws {
        let p = Fixture.products
        let five = try CouncilFixture.rate(set: 21, totals: [92, 93, 91, 94, 92, 90, 93], floorsUpTo: 5)
        let four = try CouncilFixture.rate(set: 4, totals: [78, 80, 76, 79, 81, 77, 78], floorsUpTo: 4)
        let evaluations = [(p[5], five), (p[0], four)].enumerated().map { i, pair in
            ProductEvaluation(productName: pair.0.name, productCode: Fixture.code(pair.0, serial: i + 1), producerName: pair.0.producer,
                              productSet: ProductSetLabel(number: pair.0.set, title: ""), result: pair.1, level: .central)
        }
        #expect(evaluations.map(\.proposal) == [.recommendFiveStars, .backToProvince])
        var document = try CouncilFixture.minutes(language: language)
        document.level = .central
        document.councilName = language == .vi ? "Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp trung ương năm 2026" : "central OCOP evaluation council"
        document.products = evaluations
        // Lines and table cells wrap: compare with every run of white space as one space.
        let text = try inspect(try renderer.pdf(document)).text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let expected = language == .vi
            ? ["Họp Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp trung ương năm 2026", "đề nghị Bộ trưởng Bộ Nông nghiệp và Môi trường công nhận",
               "điểm g khoản 4 Điều 7", "Đề nghị công nhận", "Chuyển tỉnh, 4 sao"]
            : ["Meeting of the central OCOP evaluation council", "propose that the Minister of Agriculture and Environment recognise",
               "Art. 7.4.g", "Recognise, 5 stars", "Back to the"]
        for phrase in expected {
            #expect(text.contains(phrase), "missing «\(phrase)»")
        }
        for wrong in ["đợt 1 năm 2026", "Chủ tịch Ủy ban nhân dân cấp tỉnh công nhận", "Đề xuất 5 sao", "round 1 of 2026", "provincial chair"] {
            #expect(!text.contains(wrong), "«\(wrong)» in the central council's minutes")
        }
    }

    @Test("Notice to a producer whose product is not recognised")
    func notice() throws {
        let pdf = try renderer.pdf(try CouncilFixture.notice())
        let inspection = try inspect(pdf)
        expectOnlyLiberationSerif(inspection)
        #expect(isNFC(inspection.text))
        #expect(inspection.text.contains("Số: 45/TB-SNNMT"))
        #expect(inspection.text.contains("THÔNG BÁO"))
        try expectGolden("notice-vi", inspection.text)
        try renderPictures("notice-vi", pdf)
    }

    @Test("A notice for a recognised product is refused")
    func noticeForRecognised() throws {
        var notice = try CouncilFixture.notice()
        notice.evaluation = try CouncilFixture.evaluations()[0]
        #expect(throws: DocumentError.self) { try renderer.pdf(notice) }
    }
}
