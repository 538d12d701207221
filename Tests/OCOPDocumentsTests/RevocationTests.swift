import Foundation
import OCOPDocuments
import OCOPDomain
import OCOPModels
import Testing

@Suite("Revocation decision")
struct RevocationTests {
    @Test("One certificate: revoked in Điều 1 with its ground and finding")
    func single() throws {
        let pdf = try renderer.pdf(Fixture.revocation(count: 1))
        let inspection = try inspect(pdf)
        expectOnlyLiberationSerif(inspection)
        #expect(isNFC(inspection.text))
        let flat = inspection.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in ["Về việc thu hồi giấy chứng nhận sản phẩm OCOP", "Căn cứ Quyết định số 125/QĐ-UBND",
                         "Căn cứ Kết luận kiểm tra số 12/KL-SNNMT", "số 24-2026-0007", "điểm c khoản 1 Điều 8 Quyết định số 26/2026/QĐ-TTg",
                         "- Hợp tác xã Tương Chờ Yên Phong;", "trong thời hạn 15 ngày"] {
            #expect(flat.contains(expected), "missing «\(expected)»")
        }
        #expect(!flat.contains("DANH SÁCH SẢN PHẨM OCOP BỊ THU HỒI"))
        #expect(inspection.pages <= 2)
        try expectGolden("revocation-single-vi", inspection.text)
        try renderPictures("revocation-single-vi", pdf)
    }

    @Test("Several certificates: listed in a landscape annex")
    func several() throws {
        let pdf = try renderer.pdf(Fixture.revocation(count: 3))
        let inspection = try inspect(pdf)
        expectOnlyLiberationSerif(inspection)
        let flat = inspection.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("đối với 03 sản phẩm (chi tiết tại Phụ lục kèm theo)"))
        #expect(flat.contains("DANH SÁCH SẢN PHẨM OCOP BỊ THU HỒI GIẤY CHỨNG NHẬN"))
        for producer in Fixture.revokedCertificates.map(\.producerName) { #expect(flat.contains("- \(producer);")) }
        try expectGolden("revocation-annex-vi", inspection.text)
        try renderPictures("revocation-annex-vi", pdf)
    }

    @Test("A revocation without certificates is refused")
    func empty() {
        #expect(throws: DocumentError.self) { try renderer.pdf(Fixture.revocation(count: 0)) }
    }
}
