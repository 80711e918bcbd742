import WelltreeCore

extension ReviewText {
    /// `status W`: the milestone banner when a milestone is read; for the present, the line
    /// saying the lens can be upgraded; the pillar table (`status`), the notes and, when the
    /// answers cite evidence, a line counting it with the command that lists it.
    package static func statusPage(_ state: LensReviewState) -> String {
        var text = state.milestone.map(milestoneBanner) ?? ""
        // At a milestone the lens was as it was; the banner is about upgrading the present.
        if state.milestone == nil,
            let banner = LensUpgradeBanner.line(
                workload: state.workload.name, alias: state.applied.alias, lensName: state.record.name, version: state.version,
                status: state.status, available: state.upgradeAvailable)
        {
            text += banner + "\n\n"
        }
        text += status(
            workload: state.workload.name, lensName: state.record.name, version: state.version, review: state.review,
            prioritized: state.prioritized, profileName: state.profileName)
        text += notes(state.notes, pillars: state.review.pillars.map { ($0.id, $0.name) })
        if !state.evidence.isEmpty {
            text += "\n" + TerminalText.line("Evidence: \(EvidenceText.summary(state.evidence)) (welltree evidence \(state.workload.id))") + "\n"
        }
        return text
    }
}
