import Git
import WelltreeCore

/// Lens versions parsed and compiled in this process, by blob id of the version file.
///
/// Keyed by content, so a workspace hands its store to the snapshots it opens (a check reads the
/// base and the head commit, usually with the same lens versions): the ~400 KB framework lens is
/// then parsed once per command, not once per commit read.
final class ParsedLenses {
    var lenses: [ObjectID: Lens] = [:]
    var evaluators: [ObjectID: LensEvaluator] = [:]
    /// Answer file name (`<question>.json`) -> question index, per lens version.
    var answerFileIndex: [ObjectID: [String: Int]] = [:]
}
