import OCOPDomain

/// What a printed sheet or minutes says about a dossier's product and producer.
public struct DossierPrintFacts: Sendable, Hashable {
    public var dossier: DossierCode
    public var year: Int
    public var round: Int
    public var productName: String
    public var productCode: String
    public var productSet: Int
    public var producerName: String
    public var producerPhone: String?
    /// The producer's address as registered, else "<commune>, <province>".
    public var producerAddress: String

    public init(dossier: DossierCode, year: Int, round: Int, productName: String, productCode: String, productSet: Int,
                producerName: String, producerPhone: String?, producerAddress: String) {
        self.dossier = dossier
        self.year = year
        self.round = round
        self.productName = productName
        self.productCode = productCode
        self.productSet = productSet
        self.producerName = producerName
        self.producerPhone = producerPhone
        self.producerAddress = producerAddress
    }
}
