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
