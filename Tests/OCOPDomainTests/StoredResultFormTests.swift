import Foundation
import OCOPDomain
import Testing

/// The rating result is stored as JSON (`council_result.detail`). Its minimum checks are written
/// positionally since issue 7; the keyed form that earlier versions wrote must still read.
@Suite("The stored form of minimum checks")
struct StoredResultFormTests {
    static let check = MinimumCheck(criterion: "2.2", title: "Đóng gói, bao bì sản phẩm", stars: 3, required: 2,
                                    mean: ExactMean(sum: 15, count: 9), met: false, membersBelow: ["b1", "b7"], memberCount: 9)

    @Test func writesThePositionalForm() throws {
        let text = String(decoding: try JSONEncoder().encode(Self.check), as: UTF8.self)
        #expect(text == #"["2.2","Đóng gói, bao bì sản phẩm",3,2,15,9,false,["b1","b7"],9]"#)
        #expect(try JSONDecoder().decode(MinimumCheck.self, from: Data(text.utf8)) == Self.check)
    }

    @Test func readsTheKeyedFormOfEarlierVersions() throws {
        // As version 0.8.0 stored it (a jsonb value: keys in jsonb's order).
        let stored = #"{"met": false, "mean": {"sum": 15, "count": 9}, "stars": 3, "title": "Đóng gói, bao bì sản phẩm", "required": 2, "criterion": "2.2", "memberCount": 9, "membersBelow": ["b1", "b7"]}"#
        #expect(try JSONDecoder().decode(MinimumCheck.self, from: Data(stored.utf8)) == Self.check)
    }

    @Test func refusesAMeanOverNoMembers() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(MinimumCheck.self, from: Data(#"["2.2","x",3,2,0,0,false,[],0]"#.utf8))
        }
    }
}

/// A council result's event keeps the council's level since the central council's 5★ result
/// was worded as a province's proposal; events stored before that still read (as provincial).
@Suite("The stored council-result event")
struct CouncilResultEventTests {
    static let reasons: [RatingReason] = [.proposedToCentral]

    @Test func aCentralResultReadsAsTheMinistersRecognition() throws {
        let event = DossierEventDetail.councilResult(session: "PH-2026-002", councilName: "Hội đồng cấp trung ương",
                                                     heldOn: CalendarDate(year: 2026, month: 11, day: 18)!, reasons: Self.reasons, level: .central)
        let decoded = try JSONDecoder().decode(DossierEventDetail.self, from: JSONEncoder().encode(event))
        #expect(decoded == event)
        #expect(decoded.text(.vi).contains("Hội đồng cấp trung ương đề nghị Bộ trưởng Bộ Nông nghiệp và Môi trường công nhận sản phẩm OCOP 5 sao"))
        #expect(decoded.text(.en).contains("the central council proposes that the Minister"))
        #expect(!decoded.text(.vi).contains("cấp tỉnh đề xuất"))
    }

    @Test func anEventStoredWithoutItsLevelReadsAsProvincial() throws {
        // As versions before the level was kept stored it.
        let stored = #"{"councilResult": {"session": "PH-2026-001", "councilName": "Hội đồng tỉnh", "heldOn": "2026-11-10", "reasons": [{"proposedToCentral": {}}]}}"#
        let decoded = try JSONDecoder().decode(DossierEventDetail.self, from: Data(stored.utf8))
        guard case .councilResult(_, _, _, let reasons, let level) = decoded else { Issue.record("\(decoded)"); return }
        #expect(reasons == Self.reasons && level == nil)
        #expect(decoded.text(.vi).contains("cấp tỉnh đề xuất Bộ Nông nghiệp và Môi trường"))
    }
}
