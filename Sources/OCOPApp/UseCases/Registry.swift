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
        return ProducerDetail(producer: producer, products: try ProductRepository(connection).products(producerID: producer.id))
    }

    public func addProduct(_ draft: ProductDraft) throws -> Product {
        try ProductRepository(try connection()).add(draft, today: today, actor: actor)
    }

    public func products(producer: String? = nil, productSet: Int? = nil, search: String? = nil) throws -> [Product] {
        let connection = try connection()
        let producerID = try producer.map { try ProducerRepository(connection).producer($0).id }
        return try ProductRepository(connection).products(producerID: producerID, productSet: productSet, search: search)
    }

    public func product(_ reference: String) throws -> ProductDetail {
        let connection = try connection()
        let product = try ProductRepository(connection).product(reference)
        return ProductDetail(product: product, recognitions: try RecognitionRepository(connection).recognitions(productID: product.id),
                             dossiers: try DossierRepository(connection).dossiers(productID: product.id))
    }
}
