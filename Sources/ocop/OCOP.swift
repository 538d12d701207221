import ArgumentParser

@main
struct OCOP: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocop",
        abstract: "Bàn làm việc đánh giá, phân hạng sản phẩm OCOP (QĐ 26/2026/QĐ-TTg).",
        discussion: """
        The OCOP evaluation workbench. With no database configured (OCOP_DATABASE_URL, \
        DATABASE_URL or PG* variables), ocop runs its own private PostgreSQL cluster under \
        $OCOP_HOME (default ~/.local/share/ocop). Text is Vietnamese by default; use --lang en \
        or OCOP_LANG=en for English.
        """,
        subcommands: [
            DatabaseCommand.self,
            ProducerCommand.self,
            ProductCommand.self,
            DossierCommand.self,
            ImportCommand.self,
            DemoCommand.self,
            RateCommand.self,
            RubricCommand.self,
            CouncilCommand.self,
            ScoreCommand.self,
        ]
    )
}
