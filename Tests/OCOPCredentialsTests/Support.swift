import Foundation
import OCOPCredentials
import OCOPDomain

let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
func code(_ value: String) -> IssuerCode { try! IssuerCode(value) }

/// A fixed private seed per label, so keys (and signatures) are the same on every run.
func seed(_ label: UInt8) -> [UInt8] {
    var generator = SplitMix(seed: UInt64(label) &* 0x1000_0001)
    return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
}

let provinceKey = try! IssuerKey(issuer: code("79"), seed: seed(79), created: date("2026-01-05"))
let secondProvinceKey = try! IssuerKey(issuer: code("68"), seed: seed(68), created: date("2026-01-05"))
let ministryKey = try! IssuerKey(issuer: code("BNNMT"), seed: seed(99), created: date("2026-01-05"))

/// Trust list with the two provinces and the Ministry, every key in service from 2026-01-01.
let trustList = TrustList(issued: date("2026-01-10"), issuers: [
    TrustedIssuer(code: code("79"), name: "Ủy ban nhân dân Thành phố Hồ Chí Minh", kind: .province,
                  statusList: "https://ocop.tphcm.gov.vn/status/79.jwt",
                  keys: [TrustedKey(provinceKey.publicKey, validFrom: date("2026-01-01"))]),
    TrustedIssuer(code: code("68"), name: "Ủy ban nhân dân tỉnh Lâm Đồng", kind: .province,
                  keys: [TrustedKey(secondProvinceKey.publicKey, validFrom: date("2026-01-01"))]),
    TrustedIssuer(code: code("BNNMT"), name: "Bộ Nông nghiệp và Môi trường", kind: .ministry,
                  keys: [TrustedKey(ministryKey.publicKey, validFrom: date("2026-01-01"))]),
])

let address = try! VerificationAddress("https://ocop.tphcm.gov.vn/c/")

/// A realistic certificate whose text fields are all near their `CertificateLimits` (the
/// longest names a province prints, with diacritics on most syllables).
let realisticPayload = CertificatePayload(
    certificateNumber: "79-2026-000153",
    issuerCode: code("79"),
    issuerName: "Ủy ban nhân dân thành phố Hồ Chí Minh",
    productName: "Trà mãng cầu xiêm sấy lạnh Tân Phước",
    productCode: ProductCode(parsing: "79-26734-015-2026")!,
    productSet: ProductSetNumber(11)!,
    producerName: "Hợp tác xã Nông nghiệp Dịch vụ Mãng cầu Bình Lợi",
    producerAddress: "Ấp Tân Phước, xã Bình Lợi, Thành phố Hồ Chí Minh",
    evaluationYear: 2026, evaluationRound: 2, stars: 4, score: CertificateScore(hundredths: 7833),
    place: "TP. Hồ Chí Minh",
    issueDate: date("2026-08-05"),
    signerPrefix: "TM. ỦY BAN NHÂN DÂN", signerTitle: "CHỦ TỊCH", signerName: "Nguyễn Thị Phương Thảo",
    decisionNumber: "12345/QĐ-UBND", decisionDate: date("2026-08-05"), validUntil: date("2029-08-05"),
    statusListIndex: 131_071)

/// Longer than the limits on purpose: a company name and address as long as real ones get.
let longPayload: CertificatePayload = {
    var p = realisticPayload
    p.issuerCode = code("68")
    p.productCode = ProductCode(parsing: "68-24001-015-2026")!
    p.issuerName = "Ủy ban nhân dân tỉnh Lâm Đồng"
    p.productName = "Cà phê Arabica Cầu Đất rang xay nguyên chất hữu cơ"
    p.producerName = "Công ty TNHH Một thành viên Sản xuất Thương mại và Dịch vụ Nông sản Cầu Đất Xuân Trường"
    p.producerAddress = "Số 125 đường Trần Hưng Đạo, thôn Trường Thọ, xã Xuân Trường, tỉnh Lâm Đồng"
    p.place = "Lâm Đồng"
    p.signerPrefix = "KT. CHỦ TỊCH"
    p.signerTitle = "PHÓ CHỦ TỊCH"
    return p
}()

/// Deterministic pseudo-random numbers (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Vietnamese words for random field text: every distinct word of the repository's scoring
/// sheets (real Vietnamese, independent of the payload dictionary), drawn uniformly, so rare
/// words with heavy diacritics are as likely as common ones.
let vietnameseWords: [String] = {
    var words: Set<String> = []
    let folder = repositoryRoot.appendingPathComponent("scoring/qd26-2026")
    let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
    for file in files where file.pathExtension == "yaml" {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        var current = ""
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isAlphabetic { current.unicodeScalars.append(scalar) } else {
                if current.unicodeScalars.count > 1, current.unicodeScalars.contains(where: { $0.value > 0x7F }) || current.count > 2 {
                    words.insert(current)
                }
                current = ""
            }
        }
    }
    return words.sorted()
}()

/// Random Vietnamese text of exactly `length` characters: words drawn uniformly (some
/// capitalised, some followed by a comma, a number now and then); the end is filled with words
/// short enough to fit, and a last letter when one character is left.
func randomVietnamese(length: Int, using generator: inout some RandomNumberGenerator, upper: Bool = false) -> String {
    let letters = Array("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
    var text = ""
    var count = 0
    while count < length {
        let room = length - count - (text.isEmpty ? 0 : 1)
        guard room >= 2 else {
            text.append(letters.randomElement(using: &generator)!)
            count += 1
            continue
        }
        var word: String
        if Int.random(in: 0..<12, using: &generator) == 0 {
            word = String(Int.random(in: 1...999, using: &generator))
        } else {
            word = vietnameseWords.randomElement(using: &generator)!
            if Int.random(in: 0..<10, using: &generator) < 3 { word = word.prefix(1).uppercased() + word.dropFirst() }
        }
        if Int.random(in: 0..<12, using: &generator) == 0 { word += "," }
        if word.unicodeScalars.count > room {
            let short = vietnameseWords.filter { $0.unicodeScalars.count <= room }
            word = short.isEmpty ? String(letters.randomElement(using: &generator)!) : short.randomElement(using: &generator)!
        }
        if !text.isEmpty { text += " "; count += 1 }
        text += word
        count += word.unicodeScalars.count
    }
    return upper ? text.uppercased() : text
}

/// The 34 provinces (NQ 202/2025/QH15); the last six are centrally run cities.
let provinceNames = [
    "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên",
    "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Quảng Ninh", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
    "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Đắk Lắk", "Khánh Hòa", "Lâm Đồng", "Đồng Nai", "Tây Ninh",
    "Vĩnh Long", "Đồng Tháp", "An Giang", "Cà Mau",
    "Cần Thơ", "Đà Nẵng", "Huế", "Hải Phòng", "Hồ Chí Minh", "Hà Nội",
]

/// The widest payload the limits allow, as `CertificateLimits` describes it: every
/// per-certificate text field holds random Vietnamese text of exactly its limit; the issuer's
/// own lines (name, place, signing lines) are one of the real forms, in either case; numbers
/// and codes take their widest values.
func randomPayloadAtLimits(issuer: IssuerCode, using generator: inout some RandomNumberGenerator) -> CertificatePayload {
    func text(_ field: CertificateField) -> String {
        randomVietnamese(length: field.maximumLength!, using: &generator)
    }
    let ministry = Int.random(in: 0..<5, using: &generator) == 0
    let index = Int.random(in: 0..<provinceNames.count, using: &generator)
    let province = provinceNames[index]
    let city = index >= 28
    var issuerName = ministry ? "Bộ Nông nghiệp và Môi trường" : "Ủy ban nhân dân \(city ? "thành phố" : "tỉnh") \(province)"
    if Bool.random(using: &generator) { issuerName = issuerName.uppercased() }
    let place = ministry ? "Hà Nội" : province == "Hồ Chí Minh" ? ["TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"].randomElement(using: &generator)! : province
    let lines = ministry
        ? [("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"), ("", "BỘ TRƯỞNG")].randomElement(using: &generator)!
        : [("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH THƯỜNG TRỰC"), ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
           ("", "CHỦ TỊCH")].randomElement(using: &generator)!
    return CertificatePayload(
        certificateNumber: text(.certificateNumber), issuerCode: issuer, issuerName: issuerName,
        productName: text(.productName), productCode: ProductCode(parsing: "680-24001-99999-2026")!,
        productSet: ProductSetNumber(26)!, producerName: text(.producerName), producerAddress: text(.producerAddress),
        evaluationYear: 2026, evaluationRound: 99, stars: 5, score: CertificateScore(hundredths: 10_000),
        place: place, issueDate: date("2026-12-28"),
        signerPrefix: lines.0, signerTitle: lines.1, signerName: text(.signerName),
        decisionNumber: text(.decisionNumber), decisionDate: date("2026-12-28"), validUntil: date("2029-12-28"),
        statusListIndex: CertificateLimits.statusListIndexBound - 1)
}
