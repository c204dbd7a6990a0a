using System.Text.Json.Nodes;
using Helpline.Analysis;

namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>
/// Replays a site's release ledger through <c>tests/attack/ledger_attack.py</c>, an outsider's linear programs written
/// apart from the library: what the ledger says is public, plus the contacts per month, channel and outcome that its
/// <c>known</c> sentence grants, computed here from the same register with the library's counting API.
/// </summary>
internal static class LedgerReplay
{
    private static readonly Lazy<string> Interpreter = new(FindPython);

    public static string Script => Path.Combine(DataPaths.Default.Root, "tests", "attack", "ledger_attack.py");

    /// <summary>Writes the base cube of a register (every month of its scope, every channel and outcome) beside <paramref name="folder"/>'s other files.</summary>
    public static string WriteBaseCube(string register, string folder)
    {
        var contacts = RegisterCsv.Load(register).Contacts;
        var months = new JsonObject();
        foreach (var channel in Enum.GetValues<Channel>())
        {
            foreach (var outcome in Enum.GetValues<Outcome>())
            {
                var table = contacts.On(channel).With(outcome).CountBy(Breakdown.Month);
                foreach (var month in table.RowKeys)
                {
                    var perMonth = months[month]?.AsObject() ?? [];
                    months[month] = perMonth;
                    var perChannel = perMonth[channel.Code()]?.AsObject() ?? [];
                    perMonth[channel.Code()] = perChannel;
                    perChannel[outcome.Code()] = table[month].Value;
                }
            }
        }
        var path = Path.Combine(folder, "base-cube.json");
        File.WriteAllText(path, new JsonObject { ["months"] = months }.ToJsonString());
        return path;
    }

    /// <summary>Runs the attacker: its exit code (0 protected, 1 breaches, 2 inputs that no register fits) and all it printed.</summary>
    /// <param name="publishedShares">Let the attacker use the published shares of the pages' reconciliation rows: true
    /// for the shipped register, which is calibrated to those figures; a random register is not described by them.</param>
    /// <param name="integer">Also solve integer programs, reading every x as 0 or above T across cells at once.</param>
    public static (int Exit, string Output) Attack(string release, string baseCube, bool publishedShares = false, bool integer = true)
    {
        string[] args = [Script, release, baseCube, .. publishedShares ? ["--published-shares"] : Array.Empty<string>(), .. integer ? ["--integer"] : Array.Empty<string>()];
        var (exit, stdout, stderr) = Run(Interpreter.Value, args);
        return (exit, (stdout + stderr).Trim());
    }

    private static string FindPython()
    {
        string?[] candidates = [Environment.GetEnvironmentVariable("HELPLINE_PYTHON"), "/usr/bin/python3", "python3", "python"];
        foreach (var candidate in candidates.Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            try
            {
                if (Run(candidate!, "-c", "import numpy, scipy.optimize").Exit == 0)
                    return candidate!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under that name: try the next.
            }
        }
        throw new InvalidOperationException(
            "the ledger attack needs Python 3 with numpy and scipy: apt-get install python3-scipy python3-numpy, or set HELPLINE_PYTHON");
    }

    private static (int Exit, string Out, string Err) Run(string program, params string[] args) =>
        ExternalProgram.Run(program, args, TimeSpan.FromMinutes(10));
}
