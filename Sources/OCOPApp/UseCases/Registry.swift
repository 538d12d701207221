import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore

/// Producers and products.
extension Workbench {
    public func addProducer(_ draft: ProducerDraft) throws -> Producer {
        try ProducerRepository(try connection()).add(draft, actor: actor)
    }

    public func editProducer(_ reference: String, _ changes: ProducerChanges) throws -> Producer {
        try ProducerRepository(try connection()).edit(reference, changes, actor: actor)
    }

    public func producers(commune: String? = nil, kind: ProducerKind? = nil, search: String? = nil) throws -> [Producer] {
        try ProducerRepository(try connection()).producers(commune: commune, kind: kind, search: search)
    }

    public func producer(_ reference: String) throws -> ProducerDetail {
        let connection = try connection()
        let producer = try ProducerRepository(connection).producer(reference)
        return ProducerDetail(producer: producer, products: try ProductRepository(connection).products(producerID: producer.id, asOf: today))
    }

    public func addProduct(_ draft: ProductDraft) throws -> Product {
        try ProductRepository(try connection()).add(draft, today: today, actor: actor)
    }

    /// Products with the stars of the certificate each holds on `asOf` (default today).
    public func products(producer: String? = nil, productSet: Int? = nil, search: String? = nil, asOf: CalendarDate? = nil) throws -> [Product] {
        let connection = try connection()
        let producerID = try producer.map { try ProducerRepository(connection).producer($0).id }
        return try ProductRepository(connection).products(producerID: producerID, productSet: productSet, search: search, asOf: asOf ?? today)
    }

    /// A product with its standing on `asOf` (default today), its star history and dossiers.
    public func product(_ reference: String, asOf: CalendarDate? = nil) throws -> ProductDetail {
        let connection = try connection()
        let day = asOf ?? today
        let product = try ProductRepository(connection).product(reference, asOf: day)
        return ProductDetail(product: product, recognitions: try RecognitionRepository(connection).recognitions(productID: product.id),
                             dossiers: try DossierRepository(connection).dossiers(productID: product.id),
                             certificates: try CertificateRepository(connection).certificates(productID: product.id, asOf: day))
    }
}
