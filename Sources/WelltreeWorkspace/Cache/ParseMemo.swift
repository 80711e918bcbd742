import Git
import WelltreeCore

/// Lens versions and answer files parsed in this process, by blob id.
///
/// Keyed by content, so a workspace hands its memo to the snapshots it opens: a check reads
/// the base and the head commit, usually with the same lens versions and mostly the same
/// answers, and the ~400 KB framework lens is then loaded once per command and an unchanged
/// answer file read once for both sides.
final class ParseMemo {
    var lenses: [ObjectID: Lens] = [:]
    var evaluators: [ObjectID: LensEvaluator] = [:]
    /// Answer file name (`<question>.json`) -> question index, per lens version.
    var answerFileIndex: [ObjectID: [String: Int]] = [:]
    /// Decoded answer files. Bounded: a command that reads every workload (a consolidated
    /// report) keeps no more than this, since it never reads an answer twice anyway.
    private(set) var answers: [ObjectID: ParsedAnswer] = [:]
    static let answerLimit = 4096

    func remember(_ answer: ParsedAnswer, blob: ObjectID) {
        if answers.count < Self.answerLimit { answers[blob] = answer }
    }
}
