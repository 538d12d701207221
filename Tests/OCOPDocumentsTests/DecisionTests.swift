import Foundation
import OCOPDocuments
import OCOPDomain
import OCOPModels
import Testing

@Suite("Recognition decision")
struct DecisionTests {
    @Test("Decision with two annexes")
    func decision() throws {
        let pdf = try renderer.pdf(Fixture.decision())
        let inspection = try inspect(pdf)
        expectOnlyLiberationSerif(inspection)
        #expect(isNFC(inspection.text))
        try expectGolden("decision-vi", inspection.text)
        try renderPictures("decision-vi", pdf)
    }
}

@Suite("Recognition decision pagination")
struct DecisionPaginationTests {
    @Test("A long annex: header row on every annex page, NĐ 30 page numbers, audit line on the last page")
    func longAnnex() throws {
        let pdf = try renderer.pdf(Fixture.decision(fourStar: 45, threeStar: 0))
        let inspection = try inspect(pdf)
        expectOnlyLiberationSerif(inspection)
        let pages = inspection.pageTexts
        let annexStart = try #require(pages.firstIndex { $0.contains("Phụ lục") && $0.contains("DANH SÁCH SẢN PHẨM OCOP ĐẠT HẠNG 4 SAO") })
        let annexPages = Array(pages[annexStart...])
        #expect(annexPages.count >= 3, "the annex should take three pages or more, took \(annexPages.count)")
        for (i, text) in annexPages.enumerated() {
            #expect(text.contains("Tên sản phẩm") && text.contains("Mã số sản") && text.contains("Hạng"), "annex page \(i + 1) lacks the header row")
            // Page numbers: none on the annex's first page, then 2, 3, … in the top margin (the first line).
            let firstLine = text.split(separator: "\n", omittingEmptySubsequences: true).first.map { $0.trimmingCharacters(in: .whitespaces) }
            if i == 0 {
                #expect(firstLine == "Phụ lục")
            } else {
                #expect(firstLine == "\(i + 1)")
            }
        }
        // Every row printed once and in order: the product codes carry the serials 001…045.
        let serials = annexPages.joined().split(whereSeparator: \.isWhitespace).compactMap { token -> Int? in
            let parts = token.split(separator: "-")
            guard parts.count == 4, parts[0] == "24", parts[3] == "2026" else { return nil }
            return Int(parts[2])
        }
        #expect(serials == Array(1...45))
        // The decision itself: page 1 unnumbered; its later pages numbered from 2.
        let body = Array(pages[..<annexStart])
        let firstLine = body[0].split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        #expect(Int(firstLine) == nil)
        for (i, text) in body.enumerated().dropFirst() {
            #expect(text.split(separator: "\n", omittingEmptySubsequences: true).first?.trimmingCharacters(in: .whitespaces) == "\(i + 1)")
        }
        #expect(pages.last?.contains("Chuỗi kiểm toán") == true)
        #expect(pages.dropLast().allSatisfy { !$0.contains("Chuỗi kiểm toán") })
        try renderPictures("decision-long-annex-vi", pdf, pages: [annexStart + 1, annexStart + 2, inspection.pages])
    }

    @Test("A 5★ proposal annex adds its own article and a portrait annex")
    func fiveStarProposal() throws {
        let pdf = try renderer.pdf(Fixture.decision(fourStar: 3, threeStar: 2, fiveStarProposals: 2))
        let inspection = try inspect(pdf)
        let flat = inspection.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("Điều 2. Phê duyệt kết quả đánh giá đối với 02 sản phẩm đạt từ 90 điểm trở lên (chi tiết tại Phụ lục III kèm theo)"))
        #expect(flat.contains("Điều 5. Quyết định này có hiệu lực"))
        #expect(flat.contains("- Như Điều 5;"))
        #expect(flat.contains("Phụ lục III"))
        // A six-column annex fits a portrait page.
        let sizes = try withTemporaryDirectory { dir -> [String] in
            let file = dir.appendingPathComponent("d.pdf")
            try pdf.write(to: file)
            return try run("pdfinfo", ["-f", "1", "-l", "\(inspection.pages)", file.path]).text
                .split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }.map(String.init)
        }
        #expect(sizes.last?.contains("595.276 x 841.89") == true)
        #expect(sizes.contains { $0.contains("841.89 x 595.276") })
    }

    @Test("English: an agency or executor opening a sentence takes a capital")
    func englishSentencesStartWithACapital() throws {
        var document = Fixture.decision(fourStar: 1, threeStar: 0, fiveStarProposals: 1, language: .en)
        document.implementingAgency = "the Department of Agriculture and Environment"
        document.executors = ["the Chief of the Office of the People's Committee", "the producers named in Article 1"]
        let flat = try inspect(try renderer.pdf(document)).text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("(details in the attached Annex II). The Department of Agriculture and Environment shall complete"), "\(flat)")
        #expect(flat.contains("takes effect from the date of signing. The Chief of the Office"), "\(flat)")
    }
}
