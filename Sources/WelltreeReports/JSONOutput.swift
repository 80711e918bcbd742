import WelltreeCore

/// Prints machine output: canonical JSON (sorted keys, two-space indent), the same bytes for the
/// same data, so scripts and golden files can rely on it.
package func jsonText(_ value: some Encodable) -> String {
    do {
        return String(decoding: try CanonicalJSON.encode(value), as: UTF8.self)
    } catch {
        return "{\"Error\": \"cannot encode output\"}\n"
    }
}
