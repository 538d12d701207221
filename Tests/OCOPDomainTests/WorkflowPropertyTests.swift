import OCOPDomain
import PropertyBased
import Testing

/// No sequence of legal steps strands a dossier: from every state a walk can reach, an end
/// state (recognised, not recognised, withdrawn) can still be reached.
@Suite struct WorkflowPropertyTests {
    typealias S = DossierStatus

    struct State: Hashable {
        var status: S
        var returnedFrom: S?
    }

    /// Every step any actor (producer, commune, province, council, ministry) can take from `state`.
    static func successors(_ state: State) -> [State] {
        var steps: [DossierWorkflow.Step] = []
        func attempt(_ body: () throws(DomainError) -> DossierWorkflow.Step) {
            if let step = try? body() { steps.append(step) }
        }
        let d = "HS-2026-0001"
        attempt { () throws(DomainError) in try DossierWorkflow.advance(dossier: d, from: state.status, returnedFrom: state.returnedFrom) }
        for target in S.allCases {
            attempt { () throws(DomainError) in try DossierWorkflow.advance(dossier: d, from: state.status, returnedFrom: state.returnedFrom, to: target) }
            attempt { () throws(DomainError) in try DossierWorkflow.councilResult(dossier: d, from: state.status, to: target) }
            attempt { () throws(DomainError) in try DossierWorkflow.centralResult(dossier: d, from: state.status, to: target) }
            attempt { () throws(DomainError) in try DossierWorkflow.decide(dossier: d, from: state.status, to: target) }
        }
        attempt { () throws(DomainError) in try DossierWorkflow.returnForCompletion(dossier: d, from: state.status, returnedFrom: state.returnedFrom, missing: ["Phiếu kiểm nghiệm"]) }
        attempt { () throws(DomainError) in try DossierWorkflow.withdraw(dossier: d, from: state.status, returnedFrom: state.returnedFrom) }
        attempt { () throws(DomainError) in try DossierWorkflow.defer(dossier: d, from: state.status, returnedFrom: state.returnedFrom, reason: "Thiếu túc số") }
        attempt { () throws(DomainError) in try DossierWorkflow.schedule(dossier: d, from: state.status) }
        return steps.map { State(status: $0.to, returnedFrom: $0.returnedFrom) }
    }

    static func canEnd(from start: State) -> Bool {
        var seen: Set<State> = [start]
        var queue = [start]
        while let state = queue.popLast() {
            if state.status.isTerminal { return true }
            for next in successors(state) where seen.insert(next).inserted { queue.append(next) }
        }
        return false
    }

    @Test func everyReachableStateCanStillEnd() async {
        await propertyCheck(count: 500, input: Gen.uint64().array(of: 1...60)) { (choices: [UInt64]) in
            var state = State(status: .submitted, returnedFrom: nil)
            for choice in choices {
                #expect(Self.canEnd(from: state), "stranded at \(state)")
                let next = Self.successors(state)
                if next.isEmpty {
                    #expect(state.status.isTerminal, "no step out of \(state)")
                    break
                }
                state = next[Int(choice % UInt64(next.count))]
            }
        }
    }

    /// Every next step the producer's status page promises is one the rules allow.
    @Test func promisedStepsAreRealSteps() {
        var seen: Set<State> = []
        var queue = [State(status: .submitted, returnedFrom: nil)]
        while let state = queue.popLast() {
            guard seen.insert(state).inserted else { continue }
            let next = Self.successors(state)
            let promised = Set(DossierWorkflow.allowedNext(from: state.status, returnedFrom: state.returnedFrom))
            #expect(promised.isSubset(of: Set(next.map(\.status))), "\(state): promised \(promised)")
            queue.append(contentsOf: next)
        }
        // Every state of the procedure is reachable from filing.
        #expect(Set(seen.map(\.status)) == Set(S.allCases))
    }
}
