using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Helpline.Notebooks.Hosting;

/// <summary>
/// The host's C# kernel: Roslyn scripting with the imports, references, language version and helpers of the editor's
/// kernel (<see cref="CSharpKernel"/>), publishing the same events for what a cell returns, displays, prints or fails
/// with, so the wall (<see cref="CellExecution"/>) reads both alike. It leaves out the editor's Roslyn workspace
/// (completions, hover, diagnostics), which a publish never asks for, and it compiles a cell once a process: a cell that
/// follows the same cells in the same folder runs the submission compiled before (<c>publish --runs</c>, <c>watch</c>),
/// unless a cell declares a type or a static field (or <c>#load</c>s a file), whose state a compiled cell would carry
/// from one kernel to the next.
/// </summary>
internal sealed partial class ScriptKernel : Microsoft.DotNet.Interactive.Kernel,
    IKernelCommandHandler<SubmitCode>, IKernelCommandHandler<SendValue>, IKernelCommandHandler<RequestValue>
{
    // What the editor's kernel submits first (UseKernelHelpers): display(), HTML() and the like without a prefix.
    private static readonly string Helpers = $"using static {typeof(Microsoft.DotNet.Interactive.Kernel).FullName};";

    private static readonly ConcurrentDictionary<SubmissionKey, Lazy<Submission>> Compiled = new();
    private static readonly ConcurrentDictionary<string, ScriptOptions> OptionsByFolder = new(StringComparer.Ordinal);

    // Whether a cell ends in an expression with a value is Roslyn's to say and not public: the editor's kernel asks it the same way.
    private static readonly Func<Script, bool> HasReturnValue = typeof(Script)
        .GetMethod("HasReturnValue", BindingFlags.Instance | BindingFlags.NonPublic)!
        .CreateDelegate<Func<Script, bool>>();

    private readonly string _folder;
    private ScriptState<object>? _state;
    private bool _shared = true;

    /// <param name="folder">The notebook's folder, which its <c>#r</c> and <c>#load</c> paths are relative to.</param>
    public ScriptKernel(string folder) : base("csharp")
    {
        _folder = Path.GetFullPath(folder);
        KernelInfo.LanguageName = "C#";
        KernelInfo.DisplayName = "C# Script";
    }

    /// <summary>The last value a cell gave the variable <paramref name="name"/>, as the editor's kernel finds it.</summary>
    public object? ValueOf(string name) => Variable(name)?.Value;

    private ScriptVariable? Variable(string name) => _state?.Variables.LastOrDefault(v => v.Name == name);

    /// <summary>The compiled script of the last cell run (the same object when another kernel ran the same cells).</summary>
    internal Script? LastScript => _state?.Script;

    async Task IKernelCommandHandler<SubmitCode>.HandleAsync(SubmitCode command, KernelInvocationContext context)
    {
        var cancel = context.CancellationToken;
        Exception? exception = null;
        string? message = null;
        Submission? submission = null;
        try
        {
            // A failing cell keeps what it declared before it failed, as in the editor's kernel.
            submission = await RunAsync(command.Code, e => { exception = e; return true; }, cancel);
        }
        catch (CompilationErrorException e)
        {
            exception = new CodeSubmissionCompilationErrorException(e);
            message = string.Join(Environment.NewLine, e.Diagnostics.Select(d => d.ToString()));
        }
        catch (Exception e)
        {
            if (!cancel.IsCancellationRequested)
                exception = e;
        }

        if (cancel.IsCancellationRequested)
            context.Fail(command, null, "Command cancelled");
        else if (exception is not null)
            context.Fail(command, exception, message);
        else if (submission is { HasValue: true } && _state is { } state)
            context.Publish(new ReturnValueProduced(state.ReturnValue, command, Formatted(state.ReturnValue)));
    }

    // #!set (and #!share): the variable is declared with the value's type, as the editor's kernel does, then given it.
    Task IKernelCommandHandler<SendValue>.HandleAsync(SendValue command, KernelInvocationContext context) =>
        SetValueAsync(command, context, async (name, value, declaredType) =>
        {
            await RunAsync($"{CSharpName(declaredType ?? value.GetType())} {name} = default;", null, context.CancellationToken);
            _state!.GetVariable(name).Value = value;
        });

    Task IKernelCommandHandler<RequestValue>.HandleAsync(RequestValue command, KernelInvocationContext context)
    {
        if (Variable(command.Name) is { } variable)
            context.Publish(new ValueProduced(variable.Value, command.Name, new FormattedValue(command.MimeType, Formatter.ToDisplayString(variable.Value, command.MimeType)), command));
        else
            context.Fail(command, null, $"Value '{command.Name}' not found in kernel {Name}");
        return Task.CompletedTask;
    }

    private async Task<Submission> RunAsync(string code, Func<Exception, bool>? catchException, CancellationToken cancel)
    {
        _state ??= await Submission.Of(null, Helpers, _folder, shared: true).Script.RunAsync(cancellationToken: cancel);
        var submission = Submission.Of(_state.Script, code, _folder, _shared);
        _shared = submission.Shared;
        _state = await submission.Script.RunFromAsync(_state, catchException, cancel);
        return submission;
    }

    private static string CSharpName(Type type)
    {
        if (type.IsArray)
            return CSharpName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        var prefix = type.DeclaringType is { } outer ? CSharpName(outer) + "." : type.Namespace is { } space ? $"global::{space}." : "global::";
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return !type.IsGenericType ? prefix + type.Name
            : $"{prefix}{type.Name[..(tick < 0 ? type.Name.Length : tick)]}<{string.Join(", ", type.GetGenericArguments().Select(CSharpName))}>";
    }

    private static IReadOnlyCollection<FormattedValue> Formatted(object? value) => value switch
    {
        FormattedValue one => [one],
        IEnumerable<FormattedValue> many => [.. many],
        _ => FormattedValue.CreateManyFromObject(value),
    };

    /// <summary>
    /// A compiled cell, whether it ends in an expression whose value the cell shows, and whether it is the process's
    /// compiled cell (a later run of the same cells runs it too) or this kernel's alone.
    /// </summary>
    private sealed record Submission(Script<object> Script, bool HasValue, bool Shared)
    {
        /// <param name="shared">Whether the cells before it are shared: after a cell of this kernel's alone, every cell is.</param>
        public static Submission Of(Script? previous, string code, string folder, bool shared)
        {
            var key = new SubmissionKey(previous, code, folder, ReferencedFiles(code, folder));
            if (!shared || HoldsStaticState(code))
                return Compile(key) with { Shared = false };
            return Compiled.GetOrAdd(key, k => new Lazy<Submission>(() => Compile(k))).Value;
        }

        private static Submission Compile(SubmissionKey key)
        {
            var options = OptionsByFolder.GetOrAdd(key.Folder, Options);
            var script = key.Previous is null ? CSharpScript.Create(key.Code, options) : key.Previous.ContinueWith(key.Code, options);
            // A cell that does not compile is compiled again when run, which throws its errors as the editor's kernel does.
            bool compiled = !script.Compile().Any(d => d.Severity == DiagnosticSeverity.Error);
            return new Submission(script, compiled && HasReturnValue(script), Shared: true);
        }

        // A type or a static field or property declared in a cell keeps its state in the compiled cell: shared, it
        // would carry over from one notebook, or one publish, to the next, where each kernel starts fresh. A #load-ed
        // file may declare them too.
        private static bool HoldsStaticState(string code)
        {
            var root = CSharpSyntaxTree.ParseText(code, ScriptParsing).GetRoot();
            return root.DescendantTrivia().Any(t => t.IsKind(SyntaxKind.LoadDirectiveTrivia)) || root.DescendantNodes().Any(n => n switch
            {
                TypeDeclarationSyntax => true,
                BaseFieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.StaticKeyword),
                PropertyDeclarationSyntax property => property.Modifiers.Any(SyntaxKind.StaticKeyword),
                _ => false,
            });
        }
    }

    private static readonly CSharpParseOptions ScriptParsing = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);

    /// <summary>
    /// What a compiled cell depends on: the cells before it (their compiled script), its code, the folder its
    /// <c>#r</c> and <c>#load</c> paths are relative to, and the files it references as they are now (a library
    /// rebuilt since is compiled against again).
    /// </summary>
    private readonly record struct SubmissionKey(Script? Previous, string Code, string Folder, string References);

    private static string ReferencedFiles(string code, string folder)
    {
        if (!code.Contains('#', StringComparison.Ordinal))
            return "";
        return string.Join('|', Directive().Matches(code).Select(m =>
        {
            var file = new FileInfo(Path.GetFullPath(m.Groups[1].Value, folder));
            return file.Exists ? string.Create(CultureInfo.InvariantCulture, $"{file.FullName}:{file.LastWriteTimeUtc.Ticks}:{file.Length}") : m.Groups[1].Value;
        }));
    }

    [GeneratedRegex("""^\s*#(?:r|load)\s+"([^"]+)"\s*$""", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Directive();

    // The editor's kernel's options (CSharpKernel's constructor), with #r and #load paths relative to the notebook's folder.
    private static ScriptOptions Options(string folder) =>
        ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Preview)
            .AddImports("System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq")
            .AddReferences(
                typeof(Enumerable).Assembly,
                typeof(IEnumerable<>).Assembly,
                typeof(Task<>).Assembly,
                typeof(Microsoft.DotNet.Interactive.Kernel).Assembly,
                typeof(CSharpKernel).Assembly,
                typeof(PocketView).Assembly)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(folder))
            .WithSourceResolver(new SourceFileResolver([], folder));
}
