import ArgumentParser

/// `ddx cases`: case sets kept as manifests.
struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "Case sets: seeded samples kept as small manifests resolved against their source.",
        subcommands: [CasesSampleCommand.self])
}
