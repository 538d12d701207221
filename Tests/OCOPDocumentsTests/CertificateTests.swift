import Foundation
import OCOPDocuments
import OCOPDomain
import OCOPModels
import Testing

@Suite("Certificate")
struct CertificateTests {
    @Test("Vietnamese certificate: text, fonts, one page, picture")
    func vietnamese() throws {
        let pdf = try renderer.pdf(Fixture.certificate())
        let inspection = try inspect(pdf)
        #expect(inspection.pages == 1)
        expectOnlyLiberationSerif(inspection)
        #expect(isNFC(inspection.text))
        for expected in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH",
                         "GIẤY CHỨNG NHẬN", "SẢN PHẨM OCOP", "SẢN PHẨM: MẬT ONG HOA NHÃN LỤC NGẠN", "24-07291-001-2026",
                         "Hợp tác xã Nông nghiệp Quý Sơn", "Đạt hạng sản phẩm: 4 sao", "Quyết định số: 125/QĐ-UBND",
                         "Có giá trị đến ngày 05/08/2029", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hùng"] {
            #expect(inspection.text.contains(expected), "missing «\(expected)»")
        }
        try expectGolden("certificate-vi", inspection.text)
        try renderPictures("certificate-vi", pdf)
    }
}

@Suite("Certificate QR code")
struct CertificateQRTests {
    /// Reads every QR code on a page rendered at `dpi`.
    static func scan(_ pdf: Data, dpi: Int = 300) throws -> [String] {
        let pages = try renderPictures("qr", pdf, dpi: dpi, store: false)
        return try withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("page.png")
            try pages[0].write(to: file)
            let result = try run("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", file.path])
            #expect(result.status == 0, "zbarimg: \(result.err)")
            return result.text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        }
    }

    @Test("zbarimg reads exactly the payload from the printed page")
    func readsBack() throws {
        let certificate = Fixture.certificate()
        #expect(try Self.scan(try renderer.pdf(certificate)) == [certificate.qrPayload])
    }

    @Test("An upper-case verification URL and a lower-case payload read back exactly (case kept)")
    func otherPayloads() throws {
        let url = "HTTPS://OCOP.BACNINH.GOV.VN/C/24-2026-0015/4/20290805/" + String(repeating: "K7QX2M4PZ", count: 11)
        #expect(try Self.scan(try renderer.pdf(Fixture.certificate(payload: url))) == [url])
        let lower = "https://ocop.bacninh.gov.vn/c/24-2026-0015?sig=ab12Cd34"
        #expect(try Self.scan(try renderer.pdf(Fixture.certificate(payload: lower))) == [lower])
    }

    @Test("The printed symbol with its quiet zone is at least 30 mm wide, the zone kept clear")
    func printedSize() throws {
        let pdf = try renderer.pdf(Fixture.certificate())
        // 254 dpi: ten pixels per millimetre.
        let (width, height, gray) = try withTemporaryDirectory { dir -> (Int, Int, [UInt8]) in
            let file = dir.appendingPathComponent("c.pdf")
            try pdf.write(to: file)
            let result = try run("pdftoppm", ["-gray", "-r", "254", file.path, dir.appendingPathComponent("g").path])
            #expect(result.status == 0, "pdftoppm: \(result.err)")
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix(".pgm") })
            return try Self.readPGM(try Data(contentsOf: dir.appendingPathComponent(name)))
        }
        func dark(_ x: Int, _ y: Int) -> Bool { gray[y * width + x] < 128 }
        // Long dark runs in the bottom-left corner (x 15–60 mm, below 70 % of the height, inside the
        // frame) belong to the symbol: text has none.
        var minX = Int.max, maxX = 0, minY = Int.max, maxY = 0, firstRun = 0
        for y in (height * 7 / 10)..<(height - 150) {
            var x = 150
            while x < 600 {
                guard dark(x, y) else { x += 1; continue }
                let start = x
                while x < 600, dark(x, y) { x += 1 }
                if x - start >= 20 {
                    if firstRun == 0 { firstRun = x - start }
                    minX = min(minX, start); maxX = max(maxX, x - 1); minY = min(minY, y); maxY = max(maxY, y)
                }
            }
        }
        try #require(firstRun > 0, "no QR symbol found")
        // The first run is the top edge of a finder pattern: seven modules.
        let module = Double(firstRun) / 7
        let side = Double(maxX - minX + 1) + 8 * module
        #expect(side >= 300, "printed side \(side / 10) mm")
        #expect(abs(Double(maxY - minY + 1) - Double(maxX - minX + 1)) <= 2, "the symbol is square")
        let zone = Int((4 * module).rounded(.down)) - 1
        for y in (minY - zone)..<(maxY + zone) {
            for x in (minX - zone)..<(maxX + zone) where x < minX || x > maxX || y < minY || y > maxY {
                #expect(!dark(x, y), "quiet zone not clear at (\(x), \(y))")
                if dark(x, y) { return }
            }
        }
    }

    static func readPGM(_ data: Data) throws -> (Int, Int, [UInt8]) {
        let bytes = [UInt8](data)
        var fields: [String] = [], current = "", index = 0
        while fields.count < 4, index < bytes.count {
            let c = bytes[index]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                if !current.isEmpty { fields.append(current); current = "" }
            } else {
                current.append(Character(UnicodeScalar(c)))
            }
            index += 1
        }
        let width = try #require(Int(fields[1])), height = try #require(Int(fields[2]))
        return (width, height, Array(bytes[index..<(index + width * height)]))
    }

    @Test("Payloads beyond version 20 at ECC Q, empty payloads and small symbols are refused")
    func refused() throws {
        let long = Fixture.base45Payload(length: 1200)
        do {
            _ = try renderer.pdf(Fixture.certificate(payload: long))
            Issue.record("a version > 20 payload was printed")
        } catch let error as DocumentError {
            guard case .qrPayloadTooLarge(let characters, let version) = error else { Issue.record("unexpected \(error)"); return }
            #expect(characters == long.count)
            #expect((version ?? 41) > 20)
            #expect(error.message(.vi).contains("phiên bản 20"))
        }
        #expect(throws: DocumentError.qrPayloadEmpty) { try renderer.pdf(Fixture.certificate(payload: "")) }
        var small = Fixture.certificate()
        small.qrSide = 25
        #expect(throws: DocumentError.qrTooSmall(millimetres: 25)) { try renderer.pdf(small) }
    }
}

@Suite("Certificate batch")
struct CertificateBatchTests {
    @Test("Many certificates in one PDF, one page each, progress reported")
    func batch() throws {
        let certificates = (0..<12).map { i in
            let p = Fixture.products[i % Fixture.products.count]
            return Fixture.certificate(number: "24-2026-\(String(format: "%04d", i + 1))", product: p.name, code: Fixture.code(p, serial: i + 1),
                                       set: Fixture.setLabel(p.set), producer: p.producer,
                                       address: "\(p.village), \(p.commune), \(Fixture.province)", stars: 3 + i % 2,
                                       payload: Fixture.base45Payload(length: 497, seed: UInt64(i)))
        }
        var progress: [Int] = []
        let pdf = try renderer.pdf(certificates: certificates) { progress.append($0) }
        #expect(progress == Array(1...12))
        let inspection = try inspect(pdf)
        #expect(inspection.pages == 12)
        expectOnlyLiberationSerif(inspection)
        for (page, certificate) in zip(inspection.pageTexts, certificates) {
            #expect(page.contains(certificate.certificateNumber))
            #expect(page.contains(certificate.productName.uppercased()))
        }
    }
}
