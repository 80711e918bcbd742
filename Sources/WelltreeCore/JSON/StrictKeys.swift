/// Any member name, so a decoder can list every key of an object.
struct AnyMemberKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension JSONNodeDecoder {
    /// Throws, at the offending member, when the object `decoder` reads has a key outside
    /// `known`: in a hand-edited file an unknown key is usually a typo, which would otherwise be
    /// dropped silently by the next write. `what` names the document ("a profile").
    package static func refuseUnknownKeys(in decoder: any Decoder, known: Set<String>, what: String) throws {
        let all = try decoder.container(keyedBy: AnyMemberKey.self)
        for key in all.allKeys where !known.contains(key.stringValue) {
            throw invalid("unknown field \"\(key.stringValue)\" in \(what)", in: try all.superDecoder(forKey: key))
        }
    }
}
