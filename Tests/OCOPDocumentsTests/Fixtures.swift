import Foundation
import OCOPDomain
import OCOPModels

/// Realistic Bắc Ninh (province code 24) data for the documents.
enum Fixture {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }

    static let decisionDate = day(2026, 8, 5)
    static let province = "tỉnh Bắc Ninh"

    static let chairSigner = Signer(authority: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Nguyễn Văn Hùng")

    static let provinceHeader = AdministrativeHeader(
        agency: "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH", number: "125/QĐ-UBND", place: "Bắc Ninh", date: decisionDate)

    /// Base45-alphabet text of `length` characters after "OC1:" (a signed CWT's size, documents.md §6.2 design A).
    static func base45Payload(length: Int, seed: UInt64 = 24) -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
        var state = seed
        var text = "OC1:"
        for _ in 0..<length {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text.append(alphabet[Int((state >> 33) % UInt64(alphabet.count))])
        }
        return text
    }

    static let qrPayload = base45Payload(length: 497)

    static func certificate(
        number: String = "24-2026-0015", product: String = "Mật ong hoa nhãn Lục Ngạn", code: String = "24-07291-001-2026",
        set: ProductSetLabel = ProductSetLabel(number: 4, title: "Mật ong, mật khác và nông sản thực phẩm khác"),
        producer: String = "Hợp tác xã Nông nghiệp Quý Sơn",
        address: String = "Thôn Phú Thọ, xã Lục Ngạn, tỉnh Bắc Ninh", stars: Int = 4, language: Language = .vi,
        artwork: IssuerArtwork = IssuerArtwork(), payload: String = qrPayload
    ) -> CertificateDocument {
        CertificateDocument(
            language: language, issuer: "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", certificateNumber: number, productName: product,
            productCode: code, productSet: set, producerName: producer, producerAddress: address, year: 2026, round: 1,
            stars: stars, score: ExactMean(sum: 549, count: 7), place: "Bắc Ninh", issuedOn: decisionDate,
            signer: chairSigner, decisionNumber: "125/QĐ-UBND", decisionDate: decisionDate,
            validUntil: decisionDate.adding(months: 36), qrPayload: payload,
            verificationHint: language == .vi ? "Quét mã để kiểm tra tại ocop.bacninh.gov.vn" : "Scan to verify at ocop.bacninh.gov.vn",
            artwork: artwork)
    }

    // MARK: Products

    struct Product {
        var name: String
        var set: Int
        var producer: String
        var commune: String
        var communeCode: String
        var village: String
    }

    static let products: [Product] = [
        Product(name: "Mật ong hoa nhãn Lục Ngạn", set: 4, producer: "Hợp tác xã Nông nghiệp Quý Sơn", commune: "xã Lục Ngạn", communeCode: "07291", village: "Thôn Phú Thọ"),
        Product(name: "Gạo nếp cái hoa vàng", set: 3, producer: "Hợp tác xã Dịch vụ nông nghiệp Đông Cứu", commune: "xã Gia Bình", communeCode: "09934", village: "Thôn Đông Cứu"),
        Product(name: "Vải thiều sấy khô Lục Ngạn", set: 7, producer: "Công ty TNHH Nông sản Hồng Giang", commune: "xã Lục Ngạn", communeCode: "07291", village: "Thôn Kim Sơn"),
        Product(name: "Bánh phu thê Đình Bảng", set: 6, producer: "Cơ sở sản xuất bánh Hương Thủy", commune: "phường Từ Sơn", communeCode: "09664", village: "Khu phố Đình Bảng"),
        Product(name: "Tương nếp Làng Chờ", set: 9, producer: "Hợp tác xã Tương Chờ Yên Phong", commune: "xã Yên Phong", communeCode: "09319", village: "Thôn Trung Bạn"),
        Product(name: "Gốm Phù Lãng men da lươn", set: 21, producer: "Hộ kinh doanh Gốm Nguyễn Hùng", commune: "xã Phù Lãng", communeCode: "09409", village: "Thôn Phù Lãng"),
        Product(name: "Tranh dân gian Đông Hồ", set: 21, producer: "Hợp tác xã Tranh Đông Hồ", commune: "xã Thuận Thành", communeCode: "09850", village: "Thôn Đông Khê"),
        Product(name: "Rượu làng Vân", set: 14, producer: "Hợp tác xã Rượu Vân Hà", commune: "xã Vân Hà", communeCode: "07531", village: "Thôn Yên Viên"),
        Product(name: "Chè xanh Bản Ven", set: 11, producer: "Tổ hợp tác Chè Yên Thế", commune: "xã Yên Thế", communeCode: "07096", village: "Bản Ven"),
        Product(name: "Mì gạo Thủ Dương", set: 6, producer: "Hợp tác xã Mì gạo Thủ Dương", commune: "xã Lục Nam", communeCode: "07381", village: "Thôn Thủ Dương"),
        Product(name: "Bún khô Đa Mai", set: 6, producer: "Cơ sở bún Đa Mai Thành Đạt", commune: "phường Bắc Giang", communeCode: "07210", village: "Tổ dân phố Đa Mai"),
        Product(name: "Gà đồi Yên Thế", set: 2, producer: "Hợp tác xã Chăn nuôi gà Yên Thế", commune: "xã Yên Thế", communeCode: "07096", village: "Thôn Đồng Kỳ"),
        Product(name: "Tinh dầu bưởi Tân Yên", set: 20, producer: "Công ty Cổ phần Dược liệu Kinh Bắc", commune: "xã Tân Yên", communeCode: "07165", village: "Thôn Hợp Tiến"),
        Product(name: "Mây tre đan Xuân Lai", set: 21, producer: "Hợp tác xã Mây tre đan Xuân Lai", commune: "xã Gia Bình", communeCode: "09934", village: "Thôn Xuân Lai"),
        Product(name: "Cam sành Bố Hạ", set: 1, producer: "Hộ kinh doanh Vũ Thị Hạnh", commune: "xã Bố Hạ", communeCode: "07126", village: "Thôn Ngò"),
    ]

    static func code(_ p: Product, serial: Int) -> String { "24-\(p.communeCode)-\(serial < 10 ? "00" : "0")\(serial)-2026" }

    static func setLabel(_ number: Int) -> ProductSetLabel {
        let titles = [
            1: "Rau, củ, quả, hạt tươi", 2: "Thịt, thủy sản, trứng, sữa tươi", 3: "Gạo, ngũ cốc, hạt sơ chế khác",
            4: "Mật ong, mật khác và nông sản thực phẩm khác", 6: "Chế biến từ gạo, ngũ cốc", 7: "Chế biến từ rau, củ, quả, hạt",
            9: "Tương, nước mắm, gia vị dạng lỏng khác", 11: "Chè tươi, chè chế biến", 14: "Rượu trắng",
            20: "Tinh dầu và dược liệu khác", 21: "Thủ công mỹ nghệ gia dụng, trang trí",
        ]
        return ProductSetLabel(number: number, title: titles[number] ?? "Bộ \(number)")
    }

    /// `count` annex rows cycling through the products with distinct serials and scores.
    static func annexRows(count: Int, stars: Int) -> [AnnexProductRow] {
        (0..<count).map { i in
            let p = products[i % products.count]
            let lap = i / products.count
            let name = lap == 0 ? p.name : "\(p.name) (loại \(lap + 1))"
            let base = stars == 4 ? 70 : 50
            return AnnexProductRow(
                productName: name, productCode: code(p, serial: i + 1), productSet: setLabel(p.set),
                producerName: p.producer, producerAddress: "\(p.village), \(p.commune), \(province)",
                score: ExactMean(sum: (base + (i * 7) % 19) * 7 + i % 7, count: 7), stars: stars,
                kind: i % 5 == 3 ? .reEvaluation : (i % 7 == 5 ? .upgrade : .first),
                note: i % 9 == 4 ? "Sản phẩm mới của chủ thể" : nil)
        }
    }

    static let legalBases = [
        "Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
        "Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026 của Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm",
        "Quyết định số 88/QĐ-UBND ngày 10 tháng 3 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh về việc kiện toàn Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh và Tổ tư vấn giúp việc Hội đồng; Quyết định số 89/QĐ-UBND ngày 10 tháng 3 năm 2026 ban hành Quy chế hoạt động của Hội đồng",
    ]

    static let proposal = Proposal(
        proposer: "Giám đốc Sở Nông nghiệp và Môi trường",
        submission: DocumentReference(kind: "Tờ trình", number: "412/TTr-SNNMT", date: day(2026, 7, 28)))

    static let executors = [
        "Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Nông nghiệp và Môi trường",
        "Thủ trưởng các sở, ban, ngành liên quan", "Chủ tịch Ủy ban nhân dân các xã, phường có sản phẩm tại Điều 1",
        "các chủ thể OCOP có tên tại Điều 1",
    ]

    static func decision(fourStar: Int = 4, threeStar: Int = 8, fiveStarProposals: Int = 0, language: Language = .vi,
                         auditLine: String? = "Chuỗi kiểm toán: 9f2c4a7e1b…d03e (bản ghi 1.284)") -> DecisionDocument {
        var annexes: [DecisionAnnex] = []
        if fourStar > 0 { annexes.append(DecisionAnnex(subject: .recognised(stars: 4), rows: annexRows(count: fourStar, stars: 4))) }
        if threeStar > 0 { annexes.append(DecisionAnnex(subject: .recognised(stars: 3), rows: annexRows(count: threeStar, stars: 3))) }
        if fiveStarProposals > 0 {
            annexes.append(DecisionAnnex(subject: .proposedFiveStars, columns: [.number, .productName, .productCode, .producer, .address, .score],
                                         rows: annexRows(count: fiveStarProposals, stars: 5)))
        }
        return DecisionDocument(
            language: language, header: provinceHeader, authority: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH",
            issuerName: "Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh", provinceName: province, year: 2026, round: 1,
            legalBases: legalBases, proposal: proposal, implementingAgency: "Sở Nông nghiệp và Môi trường",
            executors: executors, annexes: annexes,
            recipients: Recipients(["Bộ Nông nghiệp và Môi trường (b/c)", "Văn phòng Điều phối nông thôn mới Trung ương (b/c)",
                                    "Chủ tịch, các PCT UBND tỉnh", "Các sở, ngành thành viên Hội đồng OCOP tỉnh",
                                    "UBND các xã, phường có sản phẩm", "Cổng thông tin điện tử tỉnh"], archive: "VT, KT"),
            signer: chairSigner, auditLine: auditLine)
    }
}

extension Fixture {
    static let recognition = DocumentReference(
        kind: "Quyết định", number: "125/QĐ-UBND", date: decisionDate, issuer: "Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh",
        subject: "về việc công nhận kết quả đánh giá, phân hạng và cấp giấy chứng nhận sản phẩm OCOP tỉnh Bắc Ninh đợt 1 năm 2026")

    static let revokedCertificates = [
        RevokedCertificate(
            certificateNumber: "24-2026-0007", productName: "Tương nếp Làng Chờ", productCode: "24-09319-005-2026",
            producerName: "Hợp tác xã Tương Chờ Yên Phong", producerAddress: "Thôn Trung Bạn, xã Yên Phong, tỉnh Bắc Ninh", stars: 3,
            recognition: recognition, recognitionPosition: "số thứ tự 5 Phụ lục II", ground: .c,
            finding: "Kết luận kiểm tra số 12/KL-SNNMT ngày 02/10/2026: mẫu sản phẩm có hàm lượng aflatoxin vượt giới hạn cho phép."),
        RevokedCertificate(
            certificateNumber: "24-2026-0011", productName: "Bún khô Đa Mai", productCode: "24-07210-011-2026",
            producerName: "Cơ sở bún Đa Mai Thành Đạt", producerAddress: "Tổ dân phố Đa Mai, phường Bắc Giang, tỉnh Bắc Ninh", stars: 3,
            recognition: recognition, recognitionPosition: "số thứ tự 3 Phụ lục II", ground: .dd,
            finding: "Văn bản số 85/UBND ngày 25/9/2026 của Ủy ban nhân dân phường Bắc Giang xác nhận cơ sở đã ngừng sản xuất từ tháng 8 năm 2026."),
        RevokedCertificate(
            certificateNumber: "24-2026-0004", productName: "Bánh phu thê Đình Bảng", productCode: "24-09664-004-2026",
            producerName: "Cơ sở sản xuất bánh Hương Thủy", producerAddress: "Khu phố Đình Bảng, phường Từ Sơn, tỉnh Bắc Ninh", stars: 4,
            recognition: recognition, recognitionPosition: "số thứ tự 4 Phụ lục I", ground: .d,
            finding: "Biên bản kiểm tra ngày 18/9/2026: in biểu trưng OCOP 5 sao trên bao bì trong khi sản phẩm được công nhận 4 sao."),
    ]

    static func revocation(count: Int, language: Language = .vi) -> RevocationDecisionDocument {
        let certificates = Array(revokedCertificates.prefix(count))
        return RevocationDecisionDocument(
            language: language,
            header: AdministrativeHeader(agency: "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH", number: "318/QĐ-UBND", place: "Bắc Ninh",
                                         date: day(2026, 10, 14)),
            authority: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH", issuerName: "Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh",
            legalBases: Array(legalBases.prefix(2)), recognitionDecisions: [recognition],
            findings: [DocumentReference(kind: "Kết luận kiểm tra", number: "12/KL-SNNMT", date: day(2026, 10, 2),
                                         issuer: "Sở Nông nghiệp và Môi trường")],
            proposal: Proposal(proposer: "Giám đốc Sở Nông nghiệp và Môi trường",
                               submission: DocumentReference(kind: "Tờ trình", number: "530/TTr-SNNMT", date: day(2026, 10, 8))),
            certificates: certificates, implementingAgency: "Sở Nông nghiệp và Môi trường", returnWithinDays: 15,
            executors: ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Nông nghiệp và Môi trường",
                        "Chủ tịch Ủy ban nhân dân các xã, phường có liên quan", "các chủ thể có tên tại Điều 1"],
            recipients: Recipients(certificates.map(\.producerName) + ["Bộ Nông nghiệp và Môi trường (b/c)", "Chủ tịch, các PCT UBND tỉnh"],
                                   archive: "VT, KT"),
            signer: chairSigner)
    }
}
