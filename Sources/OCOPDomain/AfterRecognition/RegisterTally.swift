/// One product in force on a day, with what the register report counts it by.
public struct RegisterEntry: Sendable, Hashable, Codable {
    public var productID: Int
    public var productCode: String
    public var productName: String
    public var productSet: Int
    public var producerID: Int
    public var producerKind: ProducerKind
    /// "Xuân Lương (huyện Yên Thế)": where the product is made.
    public var commune: String
    /// The province of that commune on the day counted (followed through the 2025 mergers).
    public var province: String
    /// The certificate in force on the day counted.
    public var certificate: CertificateRecord

    public init(productID: Int, productCode: String, productName: String, productSet: Int, producerID: Int, producerKind: ProducerKind,
                commune: String, province: String, certificate: CertificateRecord) {
        self.productID = productID
        self.productCode = productCode
        self.productName = productName
        self.productSet = productSet
        self.producerID = producerID
        self.producerKind = producerKind
        self.commune = commune
        self.province = province
        self.certificate = certificate
    }

    /// The year of the recognition in force (the issue year of its certificate).
    public var recognitionYear: Int { certificate.facts.issuedOn.year }
}

/// The register on a day as the province's annual report counts it: products with a certificate
/// in force, by stars, by year of recognition, by the kind of their producers, by commune,
/// province and product set, each with its share (`Share`: one decimal, half up).
public struct RegisterTally: Sendable, Hashable, Codable {
    public struct Count: Sendable, Hashable, Codable {
        public var key: String
        public var count: Int
        public var share: Share
    }

    public struct YearCount: Sendable, Hashable, Codable {
        public var year: Int
        public var count: Int
        public var share: Share
        /// Stars → products of that year.
        public var byStars: [Int: Int]
    }

    public struct KindCount: Sendable, Hashable, Codable {
        public var kind: ProducerKind
        public var count: Int
        public var share: Share
    }

    public struct SetCount: Sendable, Hashable, Codable {
        public var set: Int
        public var count: Int
        public var share: Share
    }

    public struct StarCount: Sendable, Hashable, Codable {
        public var stars: Int
        public var count: Int
        public var share: Share
    }

    public var asOf: CalendarDate
    public var products: Int
    /// Producers owning at least one product in force.
    public var producers: Int
    /// 5★ first, as the province writes "24 sản phẩm 4 sao …; 71 sản phẩm 3 sao".
    public var byStars: [StarCount]
    public var byYear: [YearCount]
    public var byProducerKind: [KindCount]
    public var byCommune: [Count]
    public var byProvince: [Count]
    public var bySet: [SetCount]

    public init(entries: [RegisterEntry], asOf: CalendarDate) {
        self.asOf = asOf
        let total = entries.count
        products = total
        var stars: [Int: Int] = [:]
        var years: [Int: [Int: Int]] = [:]
        var communes: [String: Int] = [:]
        var provinces: [String: Int] = [:]
        var sets: [Int: Int] = [:]
        var producerKinds: [Int: ProducerKind] = [:]
        for e in entries {
            stars[e.certificate.stars, default: 0] += 1
            years[e.recognitionYear, default: [:]][e.certificate.stars, default: 0] += 1
            communes[e.commune, default: 0] += 1
            provinces[e.province, default: 0] += 1
            sets[e.productSet, default: 0] += 1
            producerKinds[e.producerID] = e.producerKind
        }
        byStars = stars.keys.sorted(by: >).map { StarCount(stars: $0, count: stars[$0]!, share: Share(part: stars[$0]!, whole: total)) }
        byYear = years.keys.sorted().map { y in
            let n = years[y]!.values.reduce(0, +)
            return YearCount(year: y, count: n, share: Share(part: n, whole: total), byStars: years[y]!)
        }
        producers = producerKinds.count
        var kinds: [ProducerKind: Int] = [:]
        for kind in producerKinds.values { kinds[kind, default: 0] += 1 }
        let order = ProducerKind.allCases
        byProducerKind = kinds.keys.sorted { (kinds[$1]!, order.firstIndex(of: $0)!) < (kinds[$0]!, order.firstIndex(of: $1)!) }
            .map { KindCount(kind: $0, count: kinds[$0]!, share: Share(part: kinds[$0]!, whole: producerKinds.count)) }
        func counted(_ counts: [String: Int]) -> [Count] {
            counts.keys.sorted { (counts[$1]!, $0) < (counts[$0]!, $1) }.map { Count(key: $0, count: counts[$0]!, share: Share(part: counts[$0]!, whole: total)) }
        }
        byCommune = counted(communes)
        byProvince = counted(provinces)
        bySet = sets.keys.sorted().map { SetCount(set: $0, count: sets[$0]!, share: Share(part: sets[$0]!, whole: total)) }
    }

    /// The seed report's sentence: "95 sản phẩm OCOP đạt 3 sao trở lên (năm 2019 là 46 sản
    /// phẩm, năm 2020 là 49 sản phẩm), trong đó: có 24 sản phẩm 4 sao (chiếm 25,3 %); 71 sản
    /// phẩm đạt 3 sao (chiếm 74,7 %)", with the producers' shares.
    public func sentences(_ language: Language) -> [String] {
        let vi = language == .vi
        let years = byYear.map { vi ? "năm \($0.year) là \($0.count) sản phẩm" : "\($0.count) recognised in \($0.year)" }.joined(separator: ", ")
        let stars = byStars.map { vi ? "\($0.count) sản phẩm \($0.stars) sao (chiếm \($0.share.display(.vi)))" : "\($0.count) at \($0.stars) stars (\($0.share.display(.en)))" }
            .joined(separator: "; ")
        // "87,7 % hợp tác xã", "87.7 % cooperative (HTX)": only the first letter is lowered.
        let kinds = byProducerKind.map { k in
            let label = k.kind.label(language)
            return "\(k.share.display(language)) \(label.prefix(1).lowercased())\(label.dropFirst())"
        }.joined(separator: ", ")
        if products == 0 {
            return [vi ? "Ngày \(asOf.display(.vi)) không có sản phẩm OCOP nào có giấy chứng nhận còn hiệu lực." : "On \(asOf.display(.en)) no OCOP product held a certificate in force."]
        }
        return vi ? [
            "Đến ngày \(asOf.display(.vi)), có \(products) sản phẩm OCOP đạt 3 sao trở lên còn hiệu lực (\(years)), trong đó: có \(stars).",
            "\(producers) chủ thể có sản phẩm OCOP còn hiệu lực, trong đó \(kinds).",
        ] : [
            "On \(asOf.display(.en)), \(products) OCOP products at 3 stars or more held a certificate in force (\(years)): \(stars).",
            "\(englishCount(producers, "producer")) \(producers == 1 ? "holds" : "hold") them: \(kinds).",
        ]
    }
}
