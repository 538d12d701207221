import Foundation
import OCOPDocuments
import OCOPDomain
import OCOPModels

// Certificate rendering: `single N` renders N one-page PDFs and reports the time per page;
// `batch N [file]` renders N certificates into one PDF and reports time and size.
let arguments = CommandLine.arguments.dropFirst()
let mode = arguments.first ?? "single"
let count = arguments.dropFirst().first.flatMap(Int.init) ?? (mode == "batch" ? 1000 : 200)
let output = arguments.dropFirst(2).first

let products = [
    ("Mật ong hoa nhãn Lục Ngạn", 4, "Mật ong, mật khác và nông sản thực phẩm khác", "Hợp tác xã Nông nghiệp Quý Sơn", "Thôn Phú Thọ, xã Lục Ngạn"),
    ("Gạo nếp cái hoa vàng", 3, "Gạo, ngũ cốc, hạt sơ chế khác", "Hợp tác xã Dịch vụ nông nghiệp Đông Cứu", "Thôn Đông Cứu, xã Gia Bình"),
    ("Vải thiều sấy khô Lục Ngạn", 7, "Chế biến từ rau, củ, quả, hạt", "Công ty TNHH Nông sản Hồng Giang", "Thôn Kim Sơn, xã Lục Ngạn"),
    ("Tương nếp Làng Chờ", 9, "Tương, nước mắm, gia vị dạng lỏng khác", "Hợp tác xã Tương Chờ Yên Phong", "Thôn Trung Bạn, xã Yên Phong"),
    ("Gốm Phù Lãng men da lươn", 21, "Thủ công mỹ nghệ gia dụng, trang trí", "Hộ kinh doanh Gốm Nguyễn Hùng", "Thôn Phù Lãng, xã Phù Lãng"),
]
let issued = CalendarDate(year: 2026, month: 8, day: 5)!
let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")

/// A signed-payload-sized QR text (≈ 500 Base45 characters, version 17 at ECC Q).
func payload(_ seed: Int) -> String {
    var state = UInt64(seed) &+ 24
    var text = "OC1:"
    for _ in 0..<497 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text.append(alphabet[Int((state >> 33) % UInt64(alphabet.count))])
    }
    return text
}

func certificate(_ i: Int) -> CertificateDocument {
    let p = products[i % products.count]
    let serial = String(format: "%04d", i + 1)
    return CertificateDocument(
        issuer: "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", certificateNumber: "24-2026-\(serial)", productName: p.0,
        productCode: "24-07291-\(serial)-2026", productSet: ProductSetLabel(number: p.1, title: p.2), producerName: p.3,
        producerAddress: "\(p.4), tỉnh Bắc Ninh", year: 2026, round: 1, stars: 3 + i % 2, score: ExactMean(sum: 500 + i % 200, count: 7),
        place: "Bắc Ninh", issuedOn: issued, signer: Signer(authority: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Nguyễn Văn Hùng"),
        decisionNumber: "125/QĐ-UBND", decisionDate: issued, validUntil: issued.adding(months: 36), qrPayload: payload(i),
        verificationHint: "Quét mã để kiểm tra tại ocop.bacninh.gov.vn")
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

do {
    var renderer: DocumentRenderer!
    let setup = try seconds { renderer = try DocumentRenderer() }
    let documents = (0..<count).map(certificate)
    switch mode {
    case "single":
        _ = try renderer.pdf(documents[0])  // warm the font caches
        var times: [Double] = []
        var bytes = 0
        for document in documents {
            var data = Data()
            times.append(try seconds { data = try renderer.pdf(document) })
            bytes += data.count
        }
        times.sort()
        let mean = times.reduce(0, +) / Double(times.count)
        print(String(format: "single: %d one-page PDFs; per page mean %.2f ms, median %.2f ms, min %.2f ms; %.0f KB per file; renderer setup %.1f ms",
                     count, mean * 1000, times[times.count / 2] * 1000, times[0] * 1000, Double(bytes) / Double(count) / 1024, setup * 1000))
    case "batch":
        var data = Data()
        let time = try seconds { data = try renderer.pdf(certificates: documents) }
        if let output { try data.write(to: URL(fileURLWithPath: output)) }
        print(String(format: "batch: %d certificates in one PDF in %.2f s (%.2f ms per page); %.1f MB (%.1f KB per page)",
                     count, time, time * 1000 / Double(count), Double(data.count) / 1_048_576, Double(data.count) / Double(count) / 1024))
    default:
        print("usage: DocumentBenchmark single|batch [count] [output.pdf]")
        exit(64)
    }
} catch let error as DocumentError {
    FileHandle.standardError.write(Data((error.message(.en) + "\n").utf8))
    exit(1)  // a benchmark, not the CLI: the message says what to fix
}
