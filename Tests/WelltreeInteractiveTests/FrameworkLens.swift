import Foundation
import WelltreeCore
import WelltreeInteractive

/// The framework lens as shipped in the workspace template (its current version), loaded once.
enum FrameworkLens {
    static let lens: Lens = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("workspace-template/lenses/wellarchitected/versions/1.1.json").path
        let bytes = [UInt8](FileManager.default.contents(atPath: path)!)
        return try! LensLoader.load(bytes, file: path, kind: .official).lens
    }()
    static let evaluator = LensEvaluator(lens: lens)

    static func session(
        committed: [String: Answer] = [:], pending: [String: Answer?] = [:], updatedAt: [String: String] = [:],
        start: ReviewStart = .resume
    ) throws -> ReviewSession {
        try ReviewSession(lens: lens, evaluator: evaluator, committed: committed, pending: pending, updatedAt: updatedAt, start: start)
    }
}
