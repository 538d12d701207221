import Foundation
import OCOPDomain

/// A producer with its products.
public struct ProducerDetail: Sendable, Codable, Hashable {
    public var producer: Producer
    public var products: [Product]
    public init(producer: Producer, products: [Product]) {
        self.producer = producer
        self.products = products
    }
}

/// A product with its star history and dossiers.
public struct ProductDetail: Sendable, Hashable {
    public var product: Product
    public var recognitions: [RecognitionRecord]
    public var dossiers: [Dossier]
    /// Its certificates, each seen on the day asked about (oldest first).
    public var certificates: [CertificateView]
    public init(product: Product, recognitions: [RecognitionRecord], dossiers: [Dossier], certificates: [CertificateView] = []) {
        self.product = product
        self.recognitions = recognitions
        self.dossiers = dossiers
        self.certificates = certificates
    }

    /// What the product holds on the day its certificates were seen.
    public var standing: ProductStanding? {
        guard let day = certificates.first?.asOf else { return nil }
        return ProductStanding(product: product, certificates: certificates, on: day)
    }
}

/// The figures of the demo register (the seed report's year-end table).
public struct RegisterSummary: Sendable, Codable, Hashable {
    public struct YearStars: Sendable, Codable, Hashable {
        public var year: Int
        public var stars: Int
        public var count: Int
        public init(year: Int, stars: Int, count: Int) {
            self.year = year
            self.stars = stars
            self.count = count
        }
    }
    public struct KindCount: Sendable, Codable, Hashable {
        public var kind: ProducerKind
        public var count: Int
        public init(kind: ProducerKind, count: Int) {
            self.kind = kind
            self.count = count
        }
    }
    public var byYearAndStars: [YearStars]
    public var producersByKind: [KindCount]
    public init(byYearAndStars: [YearStars], producersByKind: [KindCount]) {
        self.byYearAndStars = byYearAndStars
        self.producersByKind = producersByKind
    }
}

/// Where the data lives and how the schema stands (`ocop db status`).
public struct DatabaseStatusView: Sendable, Codable, Hashable {
    public enum Server: Sendable, Codable, Hashable {
        case notCreated
        case stopped
        case running(pid: Int)
    }
    public var embedded: Bool
    /// The embedded cluster's folder, or the configured target (never a password).
    public var location: String
    /// The embedded server's state (nil for a configured server).
    public var server: Server?
    /// libpq's number of the server's version (150018).
    public var serverVersion: Int?
    public var applied: Int?
    public var pending: [String]?

    public init(embedded: Bool, location: String, server: Server?, serverVersion: Int?, applied: Int?, pending: [String]?) {
        self.embedded = embedded
        self.location = location
        self.server = server
        self.serverVersion = serverVersion
        self.applied = applied
        self.pending = pending
    }

    /// The server's version as people write it: 150018 is "15.18" (the numbering since PostgreSQL 10).
    public var serverVersionName: String? { serverVersion.map { "\($0 / 10_000).\($0 % 10_000)" } }
}
