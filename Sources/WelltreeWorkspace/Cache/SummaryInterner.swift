/// Shares the storage of values that repeat across workload summaries: owners, improvement
/// statuses, the lists of applied lenses and the lens versions they were evaluated against.
///
/// A dashboard over 10,000 workloads holds 10,000 summaries while it runs, but only a handful
/// of distinct lens lists and statuses and usually far fewer owners than workloads: each
/// repeated value then costs one reference instead of its own allocation (about 350 bytes per
/// summary, 3.5 MB at 10,000).
struct SummaryInterner {
    private var strings: Set<String> = []
    private var aliasLists: Set<[String]> = []
    private var dependencyLists: Set<[SummaryCache.LensDependency]> = []

    /// `entry` with its repeated values replaced by the instances seen first.
    mutating func intern(_ entry: SummaryCache.Entry) -> SummaryCache.Entry {
        var entry = entry
        entry.lenses = dependencyLists.insert(entry.lenses).memberAfterInsert
        entry.overview.owner = strings.insert(entry.overview.owner).memberAfterInsert
        entry.overview.improvementStatus = strings.insert(entry.overview.improvementStatus).memberAfterInsert
        entry.overview.lenses = aliasLists.insert(entry.overview.lenses).memberAfterInsert
        return entry
    }
}
