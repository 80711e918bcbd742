/// Risk conditions compiled to a flat array of nodes over choice indices, evaluated with
/// three-valued logic so that choices marked not applicable drop out.
///
/// One program holds every condition of a lens; a rule keeps the index of its root node.
/// Children of `&&` and `||` sit in a separate index array so nodes stay fixed-size.
struct ConditionProgram: Sendable {
    private enum Kind: UInt8, Sendable {
        case always, never, choice, not, and, or
    }

    /// `choice`: `first` is the choice index. `not`: `first` is the operand node.
    /// `and`/`or`: operands are `operands[first..<end]`.
    private struct Node: Sendable {
        var kind: Kind
        var first: Int32
        var end: Int32
    }

    private var nodes: [Node] = []
    private var operands: [Int32] = []

    /// The value of a node: true, false, or dropped out because every literal in it belongs to a
    /// not-applicable choice.
    private enum Value {
        case yes, no, dropped
    }

    /// Whether the condition rooted at `root` holds; a condition that drops out entirely holds.
    func holds(_ root: Int32, selected: UInt64, notApplicable: UInt64) -> Bool {
        evaluate(root, selected, notApplicable) != .no
    }

    private func evaluate(_ index: Int32, _ selected: UInt64, _ notApplicable: UInt64) -> Value {
        let node = nodes[Int(index)]
        switch node.kind {
        case .always:
            return .yes
        case .never:
            return .no
        case .choice:
            let bit: UInt64 = 1 << UInt64(node.first)
            if notApplicable & bit != 0 { return .dropped }
            return selected & bit != 0 ? .yes : .no
        case .not:
            switch evaluate(node.first, selected, notApplicable) {
            case .yes: return .no
            case .no: return .yes
            case .dropped: return .dropped
            }
        case .and:
            var result = Value.dropped
            for position in Int(node.first)..<Int(node.end) {
                switch evaluate(operands[position], selected, notApplicable) {
                case .no: return .no
                case .yes: result = .yes
                case .dropped: break
                }
            }
            return result
        case .or:
            var result = Value.dropped
            for position in Int(node.first)..<Int(node.end) {
                switch evaluate(operands[position], selected, notApplicable) {
                case .yes: return .yes
                case .no: result = .no
                case .dropped: break
                }
            }
            return result
        }
    }

    /// Compiles conditions into one program.
    struct Builder {
        private(set) var program = ConditionProgram()

        /// Adds `condition` and returns its root node. Ids missing from `choiceIndex` compile to
        /// a literal that is never true (an unselected choice).
        mutating func add(_ condition: RiskCondition, choiceIndex: [String: Int]) -> Int32 {
            switch condition {
            case .always:
                return append(Node(kind: .always, first: 0, end: 0))
            case .choice(let id):
                guard let index = choiceIndex[id] else { return append(Node(kind: .never, first: 0, end: 0)) }
                return append(Node(kind: .choice, first: Int32(index), end: 0))
            case .not(let inner):
                let operand = add(inner, choiceIndex: choiceIndex)
                return append(Node(kind: .not, first: operand, end: 0))
            case .and(let inner), .or(let inner):
                let roots = inner.map { add($0, choiceIndex: choiceIndex) }
                let first = Int32(program.operands.count)
                program.operands.append(contentsOf: roots)
                let kind: Kind = if case .and = condition { .and } else { .or }
                return append(Node(kind: kind, first: first, end: Int32(program.operands.count)))
            }
        }

        private mutating func append(_ node: Node) -> Int32 {
            program.nodes.append(node)
            return Int32(program.nodes.count - 1)
        }
    }
}
