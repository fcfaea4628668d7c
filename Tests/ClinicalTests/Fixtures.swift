import Foundation

@testable import Clinical

/// Helpers that run the readers and the loader on inline fixtures.
enum Fixtures {
    /// Parses a JSON object written inline in a test.
    static func object(_ json: String) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
        guard let object = parsed as? [String: Any] else {
            throw FixtureError(reason: "fixture is not a JSON object: \(json)")
        }
        return object
    }

    /// Loads text as if it were the file `source`.
    static func load(
        _ text: String, source: String = "case.json", sizeLimit: Int = CaseLoader.defaultSizeLimit
    ) throws(CaseInputError) -> CaseInput {
        try CaseLoader(sizeLimit: sizeLimit).load(Data(text.utf8), source: source)
    }

    /// The error loading `data` fails with, or nil when it loads.
    static func loadError(_ data: Data, source: String = "case.json", sizeLimit: Int = CaseLoader.defaultSizeLimit)
        -> CaseInputError?
    {
        do {
            _ = try CaseLoader(sizeLimit: sizeLimit).load(data, source: source)
            return nil
        } catch {
            return error
        }
    }

    static func loadError(_ text: String, source: String = "case.json") -> CaseInputError? {
        loadError(Data(text.utf8), source: source)
    }

    /// The error `reader` fails with on `json`, or nil when it reads.
    static func readError(
        _ reader: some CaseReader, _ json: String, at location: InputLocation = InputLocation(source: "case.json")
    ) throws -> CaseInputError? {
        let object = try object(json)
        do {
            _ = try reader.read(object, at: location)
            return nil
        } catch {
            return error
        }
    }

    /// A fresh path under the temporary directory, removed by the caller.
    static func temporaryURL(_ name: String) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("ddx-clinical-\(UUID().uuidString)")
            .appendingPathComponent(name)
    }

    /// Writes `data` to a new temporary file and returns its URL.
    static func temporaryFile(_ name: String, _ data: Data) throws -> URL {
        let url = temporaryURL(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url
    }
}
