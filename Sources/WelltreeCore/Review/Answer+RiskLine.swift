extension Answer {
    /// The members of an answer file whose line a finding points at, in order: the risk follows
    /// from the selection, else from the choices marked not applicable, else from the question's
    /// own applicability.
    static let riskMembers = ["selectedChoices", "notApplicableChoices", "isApplicable"]

    /// The line of the first of `riskMembers` in the answer document `root` parsed from `bytes`
    /// (1 when it has none): where annotations and SARIF results point. Canonical files put a
    /// key and the start of its value on one line.
    package static func riskLine(of root: JSONNode, in bytes: [UInt8]) -> Int {
        guard let node = riskMembers.lazy.compactMap({ root[$0] }).first else { return 1 }
        return SourcePosition(offset: node.offset, in: bytes).line
    }
}
