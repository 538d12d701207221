import ArgumentParser

struct CouncilCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "council", abstract: "(placeholder)")
}
