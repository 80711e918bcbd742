extension ImprovementItem {
    /// A stable identifier of one thing to do: the best practice `choiceId` missing from this
    /// question of a workload's lens review (or the question itself when `choiceId` is nil, for a
    /// question at risk with no practice left to adopt). The same workload, lens, question and
    /// practice give the same id on every run and in every clone, so a tracker that imported it
    /// once can find the item again; names and titles are not part of it, so renaming a workload
    /// keeps its items' ids.
    ///
    /// `WT-` and 16 lowercase hexadecimal digits: the 64-bit FNV-1a hash of the workload id, the
    /// lens alias, the question id and the choice id, each followed by a zero byte.
    package static func trackerId(workloadId: String, lensAlias: String, questionId: String, choiceId: String?) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [workloadId, lensAlias, questionId, choiceId ?? ""] {
            for byte in part.utf8 + [0] {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        let digits = String(hash, radix: 16)
        return "WT-" + String(repeating: "0", count: 16 - digits.count) + digits
    }
}
