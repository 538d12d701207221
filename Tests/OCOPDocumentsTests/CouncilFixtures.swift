import Foundation
import OCOPDomain
import OCOPModels

/// A council round of Bắc Ninh with real sheets rated by the domain's engine.
enum CouncilFixture {
    static let meetingDate = Fixture.day(2026, 7, 20)

    static let members = [
        CouncilMember(name: "Trần Quốc Toản", position: "Phó Giám đốc Sở Nông nghiệp và Môi trường", role: .chair),
        CouncilMember(name: "Lê Thị Thu Hà", position: "Trưởng phòng Phát triển nông thôn, Sở Nông nghiệp và Môi trường", role: .viceChair),
        CouncilMember(name: "Nguyễn Đức Thắng", position: "Phó Giám đốc Sở Công Thương", role: .member),
        CouncilMember(name: "Phạm Thị Ngọc Ánh", position: "Phó Chi cục trưởng Chi cục An toàn vệ sinh thực phẩm", role: .member),
        CouncilMember(name: "Hoàng Văn Dũng", position: "Phó Giám đốc Sở Khoa học và Công nghệ", role: .member),
        CouncilMember(name: "Vũ Thị Hồng Nhung", position: "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch", role: .member),
        CouncilMember(name: "Đỗ Minh Khoa", position: "Phó Chủ tịch Liên minh Hợp tác xã tỉnh", role: .member, present: false),
        CouncilMember(name: "Bùi Thanh Tùng", position: "Chuyên viên Văn phòng Điều phối nông thôn mới tỉnh", role: .secretary),
        CouncilMember(name: "Ngô Thị Mai", position: "Tổ trưởng Tổ tư vấn", role: .advisor),
    ]

    /// Members who score: present, not advisors.
    static var scorers: [String] { members.filter { $0.present && $0.role != .advisor }.map(\.name) }

    /// Rates `set` with one sheet per scorer totalling `totals[i]`.
    static func rate(set number: Int, totals: [Int], floorsUpTo stars: Int, below: [String: Int] = [:],
                     knockOuts: [KnockOutDeclaration] = []) throws -> RatingResult {
        let set = allSets[number - 1]
        let floors = set.starMinimumFloors(upTo: stars)
        // Sheets carry the member's code as their label, as the store keeps them.
        let sheets = try zip(scorers.indices, totals).map { index, total in
            guard let sheet = set.sheet(totalling: total, floors: floors, below: below, label: "tv\(index + 1)") else {
                throw FixtureError.noSheet(set: number, total: total)
            }
            return sheet
        }
        return try RatingEngine(productSet: set).rate(sheets, knockOuts: knockOuts)
    }

    enum FixtureError: Error { case noSheet(set: Int, total: Int) }

    static func evaluation(_ product: Fixture.Product, serial: Int, result: RatingResult, notes: [String] = []) -> ProductEvaluation {
        ProductEvaluation(
            productName: product.name, productCode: Fixture.code(product, serial: serial), producerName: product.producer,
            producerAddress: "\(product.village), \(product.commune), \(Fixture.province)",
            productSet: ProductSetLabel(allSets[product.set - 1]), result: result,
            names: Dictionary(uniqueKeysWithValues: scorers.enumerated().map { ("tv\($0.offset + 1)", $0.element) }), notes: notes)
    }

    /// Five products: 4★, 3★ capped by a 4★ minimum, 2★, ≥ 90 points, and a knock-out.
    static func evaluations() throws -> [ProductEvaluation] {
        let p = Fixture.products
        let honey = try rate(set: 4, totals: [78, 80, 76, 79, 81, 77, 78], floorsUpTo: 4)
        // Gạo nếp: 4★ by points, but criterion 2.1's 4★ marker (3 points) is missed by everyone.
        let rice = try rate(set: 3, totals: [74, 72, 75, 73, 71, 74, 76], floorsUpTo: 3, below: ["2.1": 3])
        let sauce = try rate(set: 9, totals: [45, 47, 44, 46, 48, 43, 45], floorsUpTo: 0)
        let pottery = try rate(set: 21, totals: [92, 93, 91, 94, 92, 90, 93], floorsUpTo: 5)
        let wine = try rate(set: 14, totals: [66, 64, 65, 67, 63, 66, 65], floorsUpTo: 3, knockOuts: [.dossier])
        return [
            evaluation(p[0], serial: 1, result: honey),
            evaluation(p[1], serial: 2, result: rice, notes: ["Chủ thể chưa chứng minh được sản phẩm là đặc trưng của tỉnh có chỉ dẫn địa lý; Hội đồng thống nhất giữ nguyên điểm tiêu chí 2.1."]),
            evaluation(p[4], serial: 5, result: sauce),
            evaluation(p[5], serial: 6, result: pottery),
            evaluation(p[7], serial: 8, result: wine, notes: ["Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đã hết hạn từ ngày 02/5/2026."]),
        ]
    }

    static let councilHeader = AdministrativeHeader(
        parentAgency: "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", agency: "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG\nSẢN PHẨM OCOP TỈNH",
        number: "03/BB-HĐOCOP", place: "Bắc Ninh", date: meetingDate)

    static func minutes(language: Language = .vi) throws -> MinutesDocument {
        MinutesDocument(
            language: language, header: councilHeader,
            councilName: "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Bắc Ninh", year: 2026, round: 1,
            start: ClockTime(hour: 8, minute: 0), end: ClockTime(hour: 11, minute: 30),
            venue: "Hội trường tầng 3, Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh",
            establishedBy: DocumentReference(kind: "Quyết định", number: "88/QĐ-UBND", date: Fixture.day(2026, 3, 10),
                                             issuer: "Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh",
                                             subject: "về việc kiện toàn Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh"),
            members: members, quorum: 6,
            guests: ["Đại diện các chủ thể có sản phẩm tham gia đánh giá"],
            products: try evaluations(),
            discussion: [
                "Hội đồng thống nhất áp dụng Bộ tiêu chí ban hành kèm theo Quyết định số 26/2026/QĐ-TTg cho toàn bộ hồ sơ đợt 1.",
                "Đối với sản phẩm Gốm Phù Lãng men da lươn, Hội đồng đề nghị bổ sung phiếu kiểm nghiệm chì, cadimi trước khi trình Bộ.",
            ],
            recipients: Recipients(["Sở Nông nghiệp và Môi trường", "Thành viên Hội đồng"], archive: "Hồ sơ"),
            auditLine: "Chuỗi kiểm toán: 51ab07c93e…77f1 (bản ghi 1.102)")
    }

    static func notice(language: Language = .vi) throws -> NoticeDocument {
        let sauce = try evaluations()[2]
        return NoticeDocument(
            language: language,
            header: AdministrativeHeader(parentAgency: "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", agency: "SỞ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG",
                                         number: "45/TB-SNNMT", place: "Bắc Ninh", date: Fixture.day(2026, 8, 7)),
            issuerName: "Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh", provinceName: Fixture.province, year: 2026, round: 1,
            legalBases: [Fixture.legalBases[1]],
            minutes: DocumentReference(kind: "Biên bản", number: "03/BB-HĐOCOP", date: meetingDate,
                                       issuer: "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Bắc Ninh"),
            evaluation: sauce, commune: "Ủy ban nhân dân xã Yên Phong",
            recipients: Recipients(["Hợp tác xã Tương Chờ Yên Phong", "UBND xã Yên Phong", "Giám đốc Sở (b/c)"], archive: "VT, PTNT"),
            signer: Signer(authority: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Lê Thị Thu Hà"))
    }
}
