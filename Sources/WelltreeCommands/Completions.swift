import Foundation
import WelltreeCore
import WelltreeWorkspace

/// Candidates for shell completion, read fast from the workspace at HEAD (`-C DIR` on the
/// command line is honoured). The shell runs these while the user types: they never print,
/// never fail (any error gives no candidates) and never write.
enum Completions {
    /// Workload names.
    @Sendable static func workloads(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let workspace = workspace(words) else { return [] }
        let names = ((try? workspace.allWorkloads()) ?? []).map(\.workload.name)
        return matching(names, prefix)
    }

    /// Question ids of the lens the command line names (`--lens`, default the framework lens),
    /// as applied to the workload it names; the lens's own latest version when no workload fits.
    @Sendable static func questions(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let lens = lens(words) else { return [] }
        return matching(lens.pillars.flatMap { $0.questions.map(\.id) }, prefix)
    }

    /// Pillar ids of that lens.
    @Sendable static func pillars(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let lens = lens(words) else { return [] }
        return matching(lens.pillars.map(\.id), prefix)
    }

    /// Lens aliases of the workspace.
    @Sendable static func lenses(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let workspace = workspace(words) else { return [] }
        return matching(((try? workspace.allLensRecords()) ?? []).map(\.alias), prefix)
    }

    private static func workspace(_ words: [String]) -> Workspace? {
        let path = words.firstIndex(of: "-C").flatMap { $0 + 1 < words.count ? unquoted(words[$0 + 1]) : nil } ?? "."
        guard let workspace = try? Workspace(at: path), (try? workspace.requireInitialised()) != nil else { return nil }
        return workspace
    }

    private static func lens(_ words: [String]) -> Lens? {
        guard let workspace = workspace(words) else { return nil }
        let alias = words.firstIndex(of: "--lens").flatMap { $0 + 1 < words.count ? unquoted(words[$0 + 1]) : nil }
        let workloads = (try? workspace.allWorkloads()) ?? []
        let named = words.dropFirst().lazy.map(unquoted).compactMap { word in
            workloads.first { Workload.normalizedName($0.workload.name) == Workload.normalizedName(word) || $0.workload.id == word }
        }.first
        if let named, let applied = try? workspace.appliedLens(named, alias: alias),
            let loaded = try? workspace.effectiveLens(applied)
        {
            return loaded.lens
        }
        return (try? workspace.loadLens(alias ?? BuiltinLens.framework))?.lens
    }

    /// A shell word as typed, without its quotes and backslashes.
    private static func unquoted(_ word: String) -> String {
        var result = ""
        var quote: Character?
        var escaped = false
        for character in word {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" && quote != "'" {
                escaped = true
            } else if let open = quote, character == open {
                quote = nil
            } else if quote == nil && (character == "\"" || character == "'") {
                quote = character
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func matching(_ candidates: [String], _ prefix: String) -> [String] {
        let typed = unquoted(prefix).lowercased()
        return candidates.filter { typed.isEmpty || $0.lowercased().hasPrefix(typed) }
    }
}
