/// What installing the hooks did, for people: `welltree hooks` in a clone and
/// `welltree hooks --server` on the server.
package enum HookText {
    /// `hooks`: each git configuration value written, then each hook installed.
    package static func clientInstall(config: [(key: String, value: String)], hooks: [String]) -> String {
        config.map { "config \($0.key) = \($0.value)\n" }.joined() + hooks.map { "hook   \($0)\n" }.joined()
    }

    /// `hooks --server`: each hook installed (or replaced), each configuration value set, the
    /// review branch the server's HEAD names (and whether the installation pointed HEAD at it),
    /// and the administrators named on the shares ref.
    package static func serverInstall(
        hooks: [(path: String, replaced: Bool)], configured: [String], branch: String, movedHead: Bool, administrators: [String]
    ) -> String {
        var text = hooks.map { "\($0.replaced ? "Replaced" : "Installed") \($0.path)\n" }.joined()
        text += configured.map { "Configured \($0)\n" }.joined()
        text += "Review branch: \(branch)\(movedHead ? " (HEAD now names it)" : " (the branch HEAD names)")\n"
        text += "Administrators: \(administrators.isEmpty ? "none (add one with --admin)" : administrators.joined(separator: ", "))\n"
        return text
    }
}
