using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Helpline.Notebooks.Hosting;

/// <summary>
/// Papermill's convention: the cell tagged <c>parameters</c> declares defaults (<c>var threshold = 5;</c>); values given
/// on the command line are assigned in a cell the host injects right after it, typed as the defaults are.
/// </summary>
internal static partial class NotebookParameters
{
    public const string Tag = "parameters";
    public const string InjectedTag = "injected-parameters";

    [GeneratedRegex(@"^\s*(?:var|string|int|long|double|decimal|bool)\s+(?<name>[A-Za-z_]\w*)\s*=", RegexOptions.Multiline)]
    private static partial Regex Declaration();

    /// <summary>Parses <c>name=value</c> pairs; the last value of a name wins. A relative path that names a file from the
    /// folder the command was started in becomes absolute, since notebooks run in <c>notebooks/</c>.</summary>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                throw new NotebookException($"--param '{pair}': expected name=value, e.g. --param threshold=10");
            var value = pair[(eq + 1)..];
            var name = pair[..eq].Trim();
            // Given twice, one of the two values would be dropped without a word.
            if (!values.TryAdd(name, !Path.IsPathRooted(value) && value.Length > 0 && File.Exists(value) ? Path.GetFullPath(value) : value))
                throw new NotebookException($"--param {name} is given twice: give it once");
        }
        return values;
    }

    /// <summary>Refuses a threshold below the gate's minimum before anything runs: it would switch protection off while the legend still promised it.</summary>
    public static void CheckDisclosure(IReadOnlyDictionary<string, string> values)
    {
        if (values.TryGetValue("threshold", out var text))
        {
            // A value that is not a number is left to the parameters cell's type check, which names the notebook.
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var threshold) && threshold < Helpline.Analysis.DisclosureOptions.MinimumThreshold)
                throw new NotebookException($"--param threshold={text}: the disclosure threshold must be {Helpline.Analysis.DisclosureOptions.MinimumThreshold} or more; to look at every count yourself, use --param suppress=false (pages then say they are not for publication)");
        }
    }

    /// <summary>The values as a page may show them: a file by its name, never the folders of this machine it sits in.</summary>
    public static IReadOnlyDictionary<string, string> WithoutFolders(IReadOnlyDictionary<string, string> values) =>
        values.ToDictionary(v => v.Key, v => Path.IsPathRooted(v.Value) ? Path.GetFileName(v.Value) : v.Value, StringComparer.Ordinal);

    /// <summary>The names a parameters cell declares, in order.</summary>
    public static IReadOnlyList<string> Declared(string source) =>
        [.. Declaration().Matches(source).Select(m => m.Groups["name"].Value).Distinct()];

    /// <summary>The code of the injected cell: one assignment per value, as a literal of the default's type.</summary>
    public static string InjectedCode(string notebook, IReadOnlyDictionary<string, string> values, Func<string, object?> defaultOf)
    {
        var code = new StringBuilder("// Parameters given on the command line (injected by the host)\n");
        foreach (var (name, value) in values)
            code.Append(name).Append(" = ").Append(Literal(notebook, name, value, defaultOf(name))).Append(";\n");
        return code.ToString();
    }

    private static string Literal(string notebook, string name, string value, object? current)
    {
        var c = CultureInfo.InvariantCulture;
        string Bad(string type) => throw new NotebookException($"{notebook}: parameter {name}={value} is not a valid {type}");
        return current switch
        {
            int => int.TryParse(value, NumberStyles.Integer, c, out var i) ? i.ToString(c) : Bad("whole number"),
            long => long.TryParse(value, NumberStyles.Integer, c, out var l) ? l.ToString(c) + "L" : Bad("whole number"),
            double => double.TryParse(value, NumberStyles.Float, c, out var d) ? d.ToString("R", c) : Bad("number"),
            decimal => decimal.TryParse(value, NumberStyles.Float, c, out var m) ? m.ToString(c) + "m" : Bad("number"),
            bool => bool.TryParse(value, out var b) ? (b ? "true" : "false") : Bad("true or false"),
            _ => "@\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        };
    }

    /// <summary>A value as C# would write it: <c>true</c>, <c>0.5</c>, <c>../data/x.csv</c>; an absolute path by its file name only.</summary>
    public static string Display(object? value) => value switch
    {
        null => "null",
        string path when Path.IsPathRooted(path) => Path.GetFileName(path),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
