/// An error that knows how to explain itself to a person, in either language, and which
/// sysexits code the CLI should end with.
public protocol LocalizedFailure: Error {
    func message(_ language: Language) -> String
    /// 65 (EX_DATAERR) for bad input, 66 for something unknown, 69/70/78 for system failures.
    var exitCode: Int32 { get }
}
