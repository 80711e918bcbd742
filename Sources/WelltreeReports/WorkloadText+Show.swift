import WelltreeCore

extension WorkloadText {
    /// `workload show`: a line per lens that can be upgraded (then a blank line), and the
    /// workload with its risks, last update, profile and template.
    package static func show(_ detail: WorkloadDetail) -> String {
        let banners = detail.lenses.compactMap {
            LensUpgradeBanner.line(
                workload: detail.workload.name, alias: $0.applied.alias, lensName: $0.record.name, version: $0.version, status: $0.status,
                available: $0.upgradeVersion)
        }
        return banners.map { $0 + "\n" }.joined() + (banners.isEmpty ? "" : "\n")
            + render(
                detail.workload, summary: (detail.summary.riskCounts, detail.summary.updatedAt),
                profile: detail.profileName.map { ($0, detail.prioritized) }, templateName: detail.templateName)
    }
}
