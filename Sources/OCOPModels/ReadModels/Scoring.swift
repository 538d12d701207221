import Foundation
import OCOPDomain

/// Everything needed to score one dossier as one member, read once per command.
public struct ScoringContext: Sendable {
    public var situation: ScoringSituation
    public var session: SessionCode
    public var sessionID: Int
    public var dossier: DossierCode
    public var dossierID: Int
    public var productName: String
    public var person: PersonCode
    public var personID: Int
    public var personName: String
    public var rubricVersion: String
    public var rubricHash: String
    public var productSet: ProductSet
    /// The member's latest submitted version, if any.
    public var currentVersion: Int? { situation.currentVersion }

    public init(situation: ScoringSituation, session: SessionCode, sessionID: Int, dossier: DossierCode, dossierID: Int, productName: String,
                person: PersonCode, personID: Int, personName: String, rubricVersion: String, rubricHash: String, productSet: ProductSet) {
        self.situation = situation
        self.session = session
        self.sessionID = sessionID
        self.dossier = dossier
        self.dossierID = dossierID
        self.productName = productName
        self.person = person
        self.personID = personID
        self.personName = personName
        self.rubricVersion = rubricVersion
        self.rubricHash = rubricHash
        self.productSet = productSet
    }
}

