using Helpline.Analysis;
using Helpline.Notebooks.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using InteractiveLinePosition = Microsoft.DotNet.Interactive.LinePosition;

namespace Helpline.Notebooks.Kernel;

/// <summary>
/// The editor's C# session: the host's kernel (<see cref="CellExecution"/>, the same formatters and the same wall),
/// decided as cells are shown (<see cref="ReleaseMode.Interactive"/>), with completion, hover help and interrupt.
/// </summary>
internal sealed class CSharpSession : IDisposable
{
    private readonly CompositeKernel _kernel;
    private readonly CSharpKernel _csharp;
    private readonly Lock _lock = new();
    private CancellationTokenSource? _running;

    private CSharpSession()
    {
        Formatter.ResetToDefault();
        ReleaseSession.Current = new ReleaseSession(ReleaseMode.Interactive);
        _kernel = CellExecution.CreateKernel(out _csharp);
    }

    /// <summary>A session whose compiler has compiled once (the first cell then takes a fraction of a cold start).</summary>
    public static async Task<CSharpSession> StartAsync()
    {
        var session = new CSharpSession();
        await session._kernel.SendAsync(new SubmitCode("typeof(object)"));
        return session;
    }

    /// <summary>Runs a cell behind the wall. An interrupt ends it with an error; loops check for one each turn.</summary>
    public async Task<CellOutcome> ExecuteAsync(string code, int count)
    {
        using var running = new CancellationTokenSource();
        lock (_lock)
            _running = running;
        try
        {
            var outcome = await CellExecution.ExecuteAsync(_kernel, Interruptible(code), count, CellExecution.Unprotected(n => _csharp.TryGetValue<object>(n, out var v) ? v : null), running.Token);
            return running.IsCancellationRequested ? Interrupted(outcome.Outputs, count) : outcome;
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            return Interrupted([], count);
        }
        finally
        {
            lock (_lock)
                _running = null;
        }
    }

    /// <summary>Stops the running cell, if any (Jupyter's interrupt).</summary>
    public void Interrupt()
    {
        lock (_lock)
            _running?.Cancel();
    }

    public async Task<(IReadOnlyList<string> Matches, int Start, int End)> CompleteAsync(string code, int cursor)
    {
        var result = await _kernel.SendAsync(new RequestCompletions(code, Position(code, cursor)));
        var produced = result.Events.OfType<CompletionsProduced>().FirstOrDefault();
        if (produced is null)
            return ([], cursor, cursor);
        var (start, end) = (cursor, cursor);
        if (produced.LinePositionSpan is { } span)
            (start, end) = (Offset(code, span.Start), Offset(code, span.End));
        else
        {
            // No span given: complete the identifier that ends at the cursor.
            while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_'))
                start--;
        }
        var typed = code[start..Math.Max(start, end)];
        var matches = produced.Completions
            .Select(c => c.DisplayText)
            .Where(m => m.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(m => !m.StartsWith(typed, StringComparison.Ordinal)).ThenBy(m => m, StringComparer.Ordinal)
            .ToList();
        return (matches, start, end);
    }

    /// <summary>The hover help at the cursor (Jupyter's inspect), as mime bundle entries.</summary>
    public async Task<IReadOnlyList<FormattedValue>> InspectAsync(string code, int cursor)
    {
        var result = await _kernel.SendAsync(new RequestHoverText(code, Position(code, cursor)));
        return [.. result.Events.OfType<HoverTextProduced>().SelectMany(h => h.Content)];
    }

    /// <summary>Jupyter's is_complete: whether the code is a whole submission, or needs more lines.</summary>
    public static string IsComplete(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, ScriptOptions);
        return SyntaxFactory.IsCompleteSubmission(tree) ? "complete" : "incomplete";
    }

    public void Dispose() => _kernel.Dispose();

    private static readonly CSharpParseOptions ScriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private static CellOutcome Interrupted(List<System.Text.Json.Nodes.JsonObject> outputs, int count)
    {
        const string message = "the cell was interrupted";
        outputs.RemoveAll(o => (string?)o["output_type"] == "error");
        outputs.Add(new() { ["output_type"] = "error", ["ename"] = "Interrupted", ["evalue"] = message, ["traceback"] = new System.Text.Json.Nodes.JsonArray() });
        _ = count;
        return new CellOutcome(outputs, [], message);
    }

    /// <summary>
    /// The cell with a check for an interrupt at the top of each loop body, so <c>while (true) {}</c> stops: .NET
    /// cannot abort a thread, so the code itself has to look. Lines stay where they were.
    /// </summary>
    internal static string Interruptible(string code)
    {
        if (!LoopKeywords.Any(k => code.Contains(k, StringComparison.Ordinal)))
            return code;
        var tree = CSharpSyntaxTree.ParseText(code, ScriptOptions);
        var rewritten = new LoopCheck().Visit(tree.GetRoot());
        return rewritten.ToFullString();
    }

    private static readonly string[] LoopKeywords = ["while", "for", "do", "goto"];

    private const string Check = "global::Microsoft.DotNet.Interactive.KernelInvocationContext.Current?.CancellationToken.ThrowIfCancellationRequested(); ";

    private sealed class LoopCheck : CSharpSyntaxRewriter
    {
        private static readonly StatementSyntax CheckStatement = SyntaxFactory.ParseStatement(Check);

        public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node) =>
            ((WhileStatementSyntax)base.VisitWhileStatement(node)!).WithStatement(WithCheck(node.Statement, Visit));

        public override SyntaxNode? VisitDoStatement(DoStatementSyntax node) =>
            ((DoStatementSyntax)base.VisitDoStatement(node)!).WithStatement(WithCheck(node.Statement, Visit));

        public override SyntaxNode? VisitForStatement(ForStatementSyntax node) =>
            ((ForStatementSyntax)base.VisitForStatement(node)!).WithStatement(WithCheck(node.Statement, Visit));

        public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node) =>
            ((ForEachStatementSyntax)base.VisitForEachStatement(node)!).WithStatement(WithCheck(node.Statement, Visit));

        public override SyntaxNode? VisitLabeledStatement(LabeledStatementSyntax node) =>
            ((LabeledStatementSyntax)base.VisitLabeledStatement(node)!).WithStatement(WithCheck(node.Statement, Visit));

        private static BlockSyntax WithCheck(StatementSyntax body, Func<SyntaxNode, SyntaxNode?> visit)
        {
            var visited = (StatementSyntax)visit(body)!;
            if (visited is BlockSyntax block)
                return block.WithStatements(block.Statements.Insert(0, CheckStatement));
            // A single statement becomes a block on the same line.
            return SyntaxFactory.Block(CheckStatement, visited.WithoutLeadingTrivia())
                .WithLeadingTrivia(visited.GetLeadingTrivia()).WithTrailingTrivia(SyntaxFactory.Space);
        }
    }

    /// <summary>Jupyter counts the cursor in code points; Roslyn in UTF-16 units, by line.</summary>
    private static InteractiveLinePosition Position(string code, int cursor)
    {
        int index = Utf16Index(code, cursor);
        int line = 0, lineStart = 0;
        for (int i = 0; i < index; i++)
        {
            if (code[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new InteractiveLinePosition(line, index - lineStart);
    }

    private static int Offset(string code, InteractiveLinePosition position)
    {
        int index = 0;
        for (int line = 0; line < position.Line && index < code.Length; index++)
        {
            if (code[index] == '\n')
                line++;
        }
        index = Math.Min(code.Length, index + position.Character);
        return CodePoints(code, index);
    }

    private static int Utf16Index(string code, int codePoints)
    {
        int index = 0;
        for (int n = 0; n < codePoints && index < code.Length; n++)
            index += char.IsHighSurrogate(code[index]) && index + 1 < code.Length ? 2 : 1;
        return index;
    }

    private static int CodePoints(string code, int utf16) => code.Take(utf16).Count(c => !char.IsLowSurrogate(c));
}
