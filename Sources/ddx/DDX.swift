import ArgumentParser

/// `ddx`: differential-diagnosis decision support over the Human Phenotype Ontology.
struct DDX: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ddx",
        abstract: "Ranked differential diagnosis from HPO findings, phenopackets and clinical text.",
        discussion: """
            ddx is decision support, not a diagnosis: every output names the knowledge base and \
            the model it came from. Set-up state lives in $DDX_HOME (default ~/.cache/ddx); \
            commands that need the knowledge base run `ddx setup` themselves the first time.

            Exit codes: 0 success, 1 bad input or a failed step, 2 usage error.
            """,
        subcommands: [
            SetupCommand.self, KnowledgeBaseCommand.self, RankCommand.self, EvalCommand.self,
            NormalizeCommand.self, EvalConceptsCommand.self, TrainCommand.self, BenchCommand.self,
            CasesCommand.self, SimulateReadersCommand.self, ServeCommand.self, AuditCommand.self,
            LoadtestCommand.self,
        ]
    )
}
