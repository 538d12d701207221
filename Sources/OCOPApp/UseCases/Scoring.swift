import Foundation
import OCOPDomain
import OCOPModels
import OCOPRubrics
import OCOPStore

/// A council member's sheet: by file, on paper, interactively, or a whole session from CSV. Every
/// way goes through the same rule (`CouncilRules.mayScore`) and the same validation.
extension Workbench {
    /// The member's scoring context on the dossier's open session, read once; refuses at once
    /// when the member may not score (`correcting`: a correction reason is given).
    public func scoringContext(dossier: DossierCode, member: PersonCode, correcting: Bool) throws -> ScoringContext {
        let context = try ScoreRepository(try connection()).context(dossier: dossier, person: member)
        if let refusal = CouncilRules.mayScore(context.situation, correcting: correcting) { throw DomainError.mayNotScore(refusal) }
        return context
    }

    /// Reads a sheet file (YAML or JSON, the format of `ocop rate`), labelled `label`.
    public func readSheetFile(_ path: String, label: String, setNumber: Int) throws -> ScoreSheet {
        let text = try InputFile.text(path, limit: InputFile.sheetLimit)
        switch SheetFile.parse(text, label: label, expectedSet: setNumber) {
        case .success(let sheet): return sheet
        case .failure(let error): throw DomainError.invalidSheet(SheetValidationError(setNumber: setNumber, problems: error.problems))
        }
    }

    /// Validates a sheet exactly as submission will (answers, cases, conditions, declared
    /// knock-outs) and returns its total.
    public func checkSheet(_ sheet: ScoreSheet, in context: ScoringContext) throws -> Int {
        let labelled = ScoreSheet(label: context.person.rawValue, answers: sheet.answers, knockOuts: sheet.knockOuts)
        do throws(SheetValidationError) {
            return try RatingEngine(productSet: context.productSet).rate([labelled]).members[0].total
        } catch {
            throw DomainError.invalidSheet(error)
        }
    }

    public func draft(_ context: ScoringContext) throws -> (answers: [String: SheetAnswer], cursor: Int?)? {
        try ScoreRepository(try connection()).draft(context)
    }

    public func saveDraft(_ context: ScoringContext, answers: [String: SheetAnswer], cursor: Int?) throws {
        try ScoreRepository(try connection()).saveDraft(context, answers: answers, cursor: cursor, actor: actor)
    }

    /// Submits a sheet as the member's next version. A paper sheet names who transcribed it and
    /// its reference; a correction needs a reason.
    public func submitSheet(_ context: ScoringContext, sheet: ScoreSheet, source: SheetSource, enteredBy: PersonCode? = nil,
                            paperRef: String? = nil, reason: String? = nil) throws -> StoredSheet {
        try ScoreRepository(try connection()).submit(context, sheet: sheet, source: source, enteredBy: enteredBy, paperRef: paperRef,
                                                     reason: reason, actor: actor)
    }

    public func sheetHistory(dossier: DossierCode, member: PersonCode? = nil) throws -> [SheetVersion] {
        try ScoreRepository(try connection()).history(dossier: dossier, person: member)
    }

    /// Imports a whole session's sheets from CSV (docs/council.md), all or nothing. With `dryRun`
    /// every line and sheet is checked and the summary reported, and nothing is written.
    public func importSheets(file: String, session: SessionCode?, dryRun: Bool = false) throws -> ScoreImportSummary {
        if dryRun { return try rollingBack { try importSheets(file: file, session: session) } }
        let data = try InputFile.data(file, limit: InputFile.csvLimit)
        if data.isEmpty { throw AppError.emptyFile(file) }
        guard String(validating: data, as: UTF8.self) != nil else {
            let (line, byte) = InputFile.firstInvalidUTF8(data)
            throw AppError.notUTF8(path: file, line: line, byte: byte)
        }
        return try ScoreRepository(try connection()).importSheets(session: session, file: file, data: data, actor: actor)
    }
}

/// Rating and the rubric: no database needed.
extension Workbench {
    public func productSet(_ number: Int, version: RubricVersionID = .qd26_2026) throws -> ProductSet {
        try catalog().productSet(number, version: version)
    }

    /// Rates sheet files against a set: the stateless calculator. Every problem of every file is
    /// reported at once.
    public func rate(set number: Int, version: RubricVersionID = .qd26_2026, sheetFiles: [String]) throws -> RatingResult {
        let set = try productSet(number, version: version)
        let engine = RatingEngine(productSet: set)
        var sheets: [ScoreSheet] = []
        var problems: [SheetProblem] = []
        for path in sheetFiles {
            let text = try InputFile.text(path, limit: InputFile.sheetLimit)
            switch SheetFile.parse(text, label: URL(fileURLWithPath: path).lastPathComponent, expectedSet: number) {
            case .success(let sheet): sheets.append(sheet)
            case .failure(let error): problems += error.problems
            }
        }
        if !problems.isEmpty {
            for sheet in sheets { problems += engine.validate(sheet) }
            throw DomainError.invalidSheet(SheetValidationError(setNumber: number, problems: problems))
        }
        do throws(SheetValidationError) {
            return try engine.rate(sheets)
        } catch {
            throw DomainError.invalidSheet(error)
        }
    }

    /// Loads and validates a rubric folder (the shipped one by default).
    public func validateRubric(at directory: URL? = nil) throws -> RubricCatalog {
        try RubricCatalog.load(from: directory ?? configuration.share.scoring)
    }
}
