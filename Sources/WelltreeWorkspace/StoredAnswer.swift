import WelltreeCore

/// An answer file: the answer itself plus when it last changed.
///
/// `updatedAt` lives in the answer file rather than in workload.json so that answering a
/// question touches exactly one file; a workload's "last updated" is the newest of its files.
package struct StoredAnswer: Sendable, Equatable, Codable {
    package var answer: Answer
    package var updatedAt: String?

    package init(answer: Answer, updatedAt: String?) {
        self.answer = answer
        self.updatedAt = updatedAt
    }

    private enum CodingKeys: String, CodingKey { case updatedAt }

    package init(from decoder: any Decoder) throws {
        answer = try Answer(from: decoder)
        updatedAt = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .updatedAt)
    }

    package func encode(to encoder: any Encoder) throws {
        try answer.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(updatedAt, forKey: .updatedAt)
    }
}
