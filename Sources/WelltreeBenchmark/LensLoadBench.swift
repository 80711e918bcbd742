import ArgumentParser
import Foundation
import WelltreeCore
import WelltreeWorkspace

extension BenchCommand {
    /// `welltree-bench lens FILE...`: what the lens cache saves on each lens version a command
    /// loads, importing the JSON against decoding its archive, and what evaluating a review costs
    /// once the lens is loaded.
    struct LensLoad: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lens",
            abstract: "Time importing lens files (parse and validate) against decoding their lens-cache archives, and evaluating reviews.",
            discussion: """
                Prints a Markdown table with the median of each: importing the file, decoding its archive, \
                building the evaluator (conditions compiled once per lens) and reviewing one workload that \
                answered every question (the risk of each question, with pillar and lens totals; the mean \
                of \(reviewBatch) reviews per run). Build in release mode first; for example \
                `.build/release/welltree-bench lens workspace-template/lenses/*/versions/*.json`.
                """)

        /// Reviews timed together in one run: a single review takes microseconds, below what one
        /// clock reading resolves reliably.
        static let reviewBatch = 100

        @Argument(help: "Lens files, imported as official lenses (as the built-in ones are).")
        var files: [String]
        @Option(help: "Runs per measurement.")
        var runs: Int = 50

        func run() throws {
            guard runs > 0 else { throw ValidationError("--runs must be positive") }
            print(
                "| file | JSON | archive | import (parse + validate) | decode archive | import / decode | build evaluator | review (all answered) |"
            )
            print("|---|---:|---:|---:|---:|---:|---:|---:|")
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
                let bytes = [UInt8](data)
                let lens = try LensLoader.load(bytes, file: file, kind: .official).lens
                let key = [UInt8](repeating: 0, count: 20)
                let archive = LensArchive.encode(lens, kind: .official, key: key)
                guard LensArchive.decode(archive, kind: .official, key: key) == lens else {
                    throw ValidationError("\(file): the archive does not decode to the imported lens")
                }
                let load = median { _ = try? LensLoader.load(bytes, file: file, kind: .official) }
                let decode = median { _ = LensArchive.decode(archive, kind: .official, key: key) }
                let build = median { _ = LensEvaluator(lens: lens) }
                let evaluator = LensEvaluator(lens: lens)
                let answers = Self.everyQuestionAnswered(lens)
                var reviewed = 0
                let review =
                    median {
                        for _ in 0..<Self.reviewBatch { reviewed &+= evaluator.review(answers: answers).riskCounts.total }
                    } / UInt64(Self.reviewBatch)
                // Using the result keeps the reviews from being optimised away.
                guard reviewed == Self.reviewBatch * runs * lens.questionCount else {
                    throw ValidationError("\(file): a review did not cover every question")
                }
                print(
                    "| \(file) | \(kilobytes(bytes.count)) | \(kilobytes(archive.count)) | \(milliseconds(load)) "
                        + "| \(milliseconds(decode)) | \(String(format: "%.0fx", Double(load) / Double(max(decode, 1)))) "
                        + "| \(milliseconds(build)) | \(microseconds(review)) |")
            }
        }

        /// An answer to every question of `lens`: every other best practice selected (offset by
        /// the question's position, so both halves are exercised) and, where a question has more
        /// than two choices, its first choice marked not applicable. Every rule kind is reached:
        /// some questions end at `default`, others at an earlier rule.
        static func everyQuestionAnswered(_ lens: Lens) -> [String: Answer] {
            var answers: [String: Answer] = [:]
            for (index, question) in lens.pillars.flatMap(\.questions).enumerated() {
                let practices = question.choices.filter { !$0.isNoneOfThese }.map(\.id)
                let selected = practices.enumerated().filter { ($0.offset + index) % 2 == 0 }.map(\.element)
                let notApplicable = practices.count > 2 ? [practices[0]: ChoiceNotApplicable()] : [:]
                answers[question.id] = Answer(
                    selectedChoices: selected.isEmpty ? [question.choices[0].id] : selected, notApplicableChoices: notApplicable)
            }
            return answers
        }

        /// The median duration of `runs` calls of `body`, in nanoseconds.
        private func median(_ body: () -> Void) -> UInt64 {
            var times: [UInt64] = []
            for _ in 0..<runs {
                let start = Clock.nanoseconds()
                body()
                times.append(Clock.nanoseconds() - start)
            }
            return times.sorted()[times.count / 2]
        }

        private func milliseconds(_ nanoseconds: UInt64) -> String {
            String(format: "%.2f ms", Double(nanoseconds) / 1e6)
        }

        private func microseconds(_ nanoseconds: UInt64) -> String {
            String(format: "%.1f µs", Double(nanoseconds) / 1e3)
        }

        private func kilobytes(_ count: Int) -> String {
            String(format: "%.0f KB", Double(count) / 1000)
        }
    }
}
