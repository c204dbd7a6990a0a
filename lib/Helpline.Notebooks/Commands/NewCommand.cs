using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Helpline.Analysis;
using Helpline.Notebooks.Hosting;
using Helpline.Notebooks.Kernel;

namespace Helpline.Notebooks.Commands;

/// <summary>
/// <c>new "question"</c>: scaffolds <c>notebooks/NN-slug.ipynb</c> for a new question, with the question block, the
/// setup, parameters and data cells every notebook has, an answer cell, an empty reconciliation cell and a follow-up
/// section, so that <c>publish</c> shows it at once. It never overwrites a notebook.
/// </summary>
internal static partial class NewCommand
{
    /// <summary>The setup cell of every notebook.</summary>
    public const string SetupCode = "#r \"../artifacts/bin/Helpline.Analysis/debug/Helpline.Analysis.dll\"\nusing Helpline.Analysis; NotebookDisplay.Register();";

    /// <summary>The parameters cell of every notebook (tagged <c>parameters</c>).</summary>
    public const string ParametersCode = "// Parameters: override with `publish --param name=value` (paths are relative to notebooks/).\n"
        + "var register = \"../data/register/contacts.csv\";\nvar web = \"../data/register/web-visits.csv\";\nvar threshold = 5;\nvar suppress = true;";

    /// <summary>The data cell of every notebook: its display is the page's data banner.</summary>
    public const string DataCode = "var data = HelplineData.Load(register, web, threshold, suppress);\ndata";

    /// <summary>The answer cell as scaffolded: a comment to replace.</summary>
    public const string AnswerCode = "// The answer in one to three lines of the vocabulary (README, \"Asking a new question\"), e.g.\n"
        + "// data.Contacts.Answered().In(Period.Year(2023)).CountBy(Breakdown.Quarter, Breakdown.Channel)";

    /// <summary>The reconciliation cell as scaffolded: empty but for a comment.</summary>
    public const string ReconciliationCode = "// The published figures this answer can be checked against (keys of data/published/figures.csv), e.g.\n"
        + "// data.Reconcile(\"b.contacts_2023\")";

    [GeneratedRegex(@"^(?<number>\d+)-(?<slug>.+)\.ipynb$")]
    private static partial Regex NotebookName();

    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question as it was asked (the Dutch original), in quotes." };
        var number = new Option<string?>("--number") { Description = "The written question's number, e.g. 1234." };
        var date = new Option<string?>("--date") { Description = "The date it was asked, YYYY-MM-DD." };
        var askedBy = new Option<string?>("--asked-by") { Description = "Who asked it (a member of parliament)." };
        var answeredBy = new Option<string?>("--answered-by") { Description = "Who answered it (a minister)." };
        var folder = new Option<DirectoryInfo?>("--folder") { Description = "The notebooks folder (default: notebooks/ of the repository)." };
        var command = new Command("new", "Scaffold a notebook for a new question: notebooks/NN-slug.ipynb with the question block, setup, parameters and data cells, an answer cell, an empty reconciliation cell and a follow-up section. Never overwrites.")
        {
            question, number, date, askedBy, answeredBy, folder,
        };
        command.SetAction(parse =>
        {
            var path = Write(parse.GetValue(question)!, parse.GetValue(folder)?.FullName ?? Path.Combine(DataPaths.Default.Root, "notebooks"),
                new Source(parse.GetValue(number), ParseDate(parse.GetValue(date)), parse.GetValue(askedBy), parse.GetValue(answeredBy)));
            Console.Out.WriteLine(path);
            HostOutput.Error.WriteLine($"wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), path)}: write the English line and the answer cell, then `run` it or `publish`.");
            return 0;
        });
        return command;
    }

    /// <summary>Where the question comes from; every part optional.</summary>
    internal sealed record Source(string? Number, DateOnly? Date, string? AskedBy, string? AnsweredBy);

    /// <summary>Writes the scaffold into <paramref name="folder"/> as the next free number; returns its path.</summary>
    internal static string Write(string question, string folder, Source source)
    {
        question = Regex.Replace(question.Trim(), @"\s+", " ");
        if (question.Length == 0)
            throw new NotebookException("new: give the question's text, e.g. new \"Hoeveel chats kwamen er per kwartaal binnen?\"");
        var slug = Slug(question);
        Directory.CreateDirectory(folder);
        var existing = Directory.GetFiles(folder, "*.ipynb").Select(Path.GetFileName).Select(n => NotebookName().Match(n!)).Where(m => m.Success).ToList();
        if (existing.FirstOrDefault(m => m.Groups["slug"].Value == slug) is { } same)
            throw new NotebookException($"{Path.Combine(folder, same.Value)} already asks this question: refusing to overwrite it (edit it, or change the question's text).");
        int next = existing.Select(m => int.Parse(m.Groups["number"].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1;
        var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{next:D2}-{slug}.ipynb"));
        // CreateNew: should another process write the same name meanwhile, this fails rather than overwrites.
        // The text is made first: the file is not created unless there is something to write into it.
        var bytes = Encoding.UTF8.GetBytes(Notebook(question, slug, source).ToJsonString(Json) + "\n");
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            file.Write(bytes);
        return path;
    }

    /// <summary>The file name's part after the number: the question's first words, lower case, without accents.</summary>
    internal static string Slug(string question)
    {
        var plain = new StringBuilder();
        foreach (var c in question.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            plain.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        var words = plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var slug = new StringBuilder();
        foreach (var word in words)
        {
            if (slug.Length > 0 && slug.Length + 1 + word.Length > 40)
                break;
            slug.Append(slug.Length > 0 ? "-" : "").Append(word.Length > 40 ? word[..40] : word);
        }
        return slug.Length > 0 ? slug.ToString() : "question";
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static DateOnly? ParseDate(string? text) => text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new NotebookException($"--date {text}: expected YYYY-MM-DD, e.g. --date 2024-03-01");

    /// <summary>At most <paramref name="length"/> characters: cut at the last space, or within a word that long (a question in Japanese has none), never inside a character.</summary>
    internal static string Shortened(string text, int length)
    {
        int space = text.LastIndexOf(' ', length - 1);
        int cut = space > 0 ? space : length;
        if (char.IsLowSurrogate(text[cut]))
            cut--;
        return text[..cut];
    }

    private static JsonObject Notebook(string question, string slug, Source source)
    {
        int n = 0;
        string Id() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{slug}/{n++}")))[..8];
        var title = question.Length <= 90 ? question : Shortened(question, 90) + " ...";
        var heading = source.Number is { } number ? $"**Written question nr. {number}.** " : "**The question.** ";
        var cells = new JsonArray(
            Markdown(Id(), $"# {title}\n\n{heading}*\"{question}\"*\n\n*English: (the question in English.)*\n\n{SourceLine(source)}"),
            Code(Id(), SetupCode),
            Code(Id(), ParametersCode, NotebookParameters.Tag),
            Code(Id(), DataCode),
            Markdown(Id(), "## The answer\n\n(One sentence on what the table shows. Count answered contacts with `Answered()`: a count without it is of attempts, busy and closed included, and its column says `attempts`.)"),
            Code(Id(), AnswerCode),
            Markdown(Id(), "## Reconciliation with the published figures\n\n(The figures a public source gave for this question, if any, against the register.)"),
            Code(Id(), ReconciliationCode),
            Markdown(Id(), "## Answering a follow-up\n\n*(The next question this answer raises.)*"),
            Code(Id(), "// data.Contacts..."));
        return new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = new JsonObject
            {
                ["helpline"] = new JsonObject { ["summary"] = source.Number is { } nr ? $"Written question nr. {nr}: {title}" : title },
                ["kernelspec"] = new JsonObject { ["display_name"] = KernelSpec.DisplayName, ["language"] = "C#", ["name"] = KernelSpec.Name },
                ["language_info"] = new JsonObject
                {
                    ["file_extension"] = ".cs",
                    ["mimetype"] = "text/x-csharp",
                    ["name"] = "C#",
                    ["pygments_lexer"] = "csharp",
                    ["version"] = "13.0",
                },
                ["polyglot_notebook"] = new JsonObject
                {
                    ["kernelInfo"] = new JsonObject
                    {
                        ["defaultKernelName"] = "csharp",
                        ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
                    },
                },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
    }

    private static string SourceLine(Source s)
    {
        if (s.Number is null && s.Date is null && s.AskedBy is null && s.AnsweredBy is null)
            return "Source: (who asked, when, who answered, and where the answer was published.)";
        var line = new StringBuilder("Source: Flemish Parliament, written question");
        if (s.Number is not null)
            line.Append(" nr. ").Append(s.Number);
        if (s.Date is { } date)
            line.Append(" of ").Append(date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        if (s.AskedBy is not null)
            line.Append(" by ").Append(s.AskedBy);
        if (s.AnsweredBy is not null)
            line.Append(", answered by ").Append(s.AnsweredBy);
        return line.Append('.').ToString();
    }

    private static JsonObject Markdown(string id, string source) => new()
    {
        ["cell_type"] = "markdown",
        ["id"] = id,
        ["metadata"] = new JsonObject(),
        ["source"] = IpynbNotebook.Lines(source),
    };

    private static JsonObject Code(string id, string source, params string[] tags)
    {
        var metadata = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
        };
        if (tags.Length > 0)
            metadata["tags"] = new JsonArray([.. tags.Select(t => JsonValue.Create(t))]);
        return new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["id"] = id,
            ["metadata"] = metadata,
            ["outputs"] = new JsonArray(),
            ["source"] = IpynbNotebook.Lines(source),
        };
    }
}
