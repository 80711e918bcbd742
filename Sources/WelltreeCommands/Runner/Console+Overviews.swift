import WelltreeWorkspace

extension Console {
    /// `workspace.readableOverviews()`, with a progress line on this console's standard error
    /// while workloads are being read (when it is a terminal), spread over worker processes when
    /// there are many to compute (`OverviewWorkers.forThisProcess`).
    func overviews(of workspace: Workspace) throws(WorkspaceError) -> WorkloadOverviews {
        var progress: TerminalProgress?
        defer { progress?.finish() }
        return try workspace.readableOverviews(workers: .forThisProcess(environment)) { done, total in
            if progress == nil { progress = self.progress("reading workloads", total: total) }
            progress?.update(done)
        }
    }
}

/// After a command has shown every workload it could read: throws `CommandError.incomplete`
/// naming each damaged workload (its file and what is wrong), since the output is incomplete.
func reportDamaged(_ damaged: [DamagedWorkload], leftOutOf what: String) throws(CommandError) {
    guard !damaged.isEmpty else { return }
    throw .incomplete(damaged: damaged, leftOutOf: what)
}
