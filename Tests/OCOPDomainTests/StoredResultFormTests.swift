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
