using System.Diagnostics;
using System.Text.Json;
using Helpline.Analysis;

namespace Helpline.Notebooks.Tests.Commands;

/// <summary><c>validate</c> as a careless user or an attacker runs it: one clear line and exit 1 for a file it cannot read, never a stack trace.</summary>
public class ValidateCommandTests
{
    private static string Header => "contact_id,received_at,channel,outcome,requester,gender,age_band,caller_key,referral";

    private static string Row(int i, string moment = "2020-03-03T15:32") => $"C{i:D6},{moment},phone,busy,unknown,unknown,unknown,k{i:D12},none";

    private static string WriteExport(string folder, string name, IEnumerable<string> rows)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, string.Join("\n", rows.Prepend(Header)) + "\n");
        return path;
    }

    private static string OneErrorLine((int Exit, string Out, string Err) run)
    {
        var (exit, output, err) = run;
        Assert.Equal(1, exit);
        Assert.Equal("", output.Trim());
        Assert.DoesNotContain("   at ", err);
        var line = Assert.Single(err.Trim().Split('\n'));
        Assert.StartsWith("error: ", line);
        return line;
    }

    [Fact]
    public void A_dangling_symlink_is_reported_in_one_line()
    {
        var folder = Cli.TempFolder();
        var link = Path.Combine(folder, "export.csv");
        File.CreateSymbolicLink(link, Path.Combine(folder, "moved-away.csv"));
        var line = OneErrorLine(Cli.Run("validate", link));
        Assert.Contains("export.csv: a symbolic link to", line);
        Assert.Contains("moved-away.csv, which does not exist", line);
    }

    [Fact]
    public void A_folder_is_reported_as_a_folder_not_as_missing()
    {
        var folder = Cli.TempFolder();
        var line = OneErrorLine(Cli.Run("validate", folder));
        Assert.Contains("is a folder, not a file", line);
        Assert.DoesNotContain("does not exist", line);
    }

    [Fact]
    public void A_missing_file_is_reported_as_missing()
    {
        var line = OneErrorLine(Cli.Run("validate", Path.Combine(Cli.TempFolder(), "nowhere.csv")));
        Assert.Contains("nowhere.csv: the file does not exist", line);
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_file_the_user_cannot_read_is_reported_in_one_line()
    {
        var folder = Cli.TempFolder();
        var path = WriteExport(folder, "secret.csv", [Row(1)]);
        File.SetUnixFileMode(path, UnixFileMode.None);
        string[] prefix = [];
        if (Environment.UserName == "root")
        {
            // Root reads any file: run the program as 'nobody', as a user without the right would.
            Skip.If(!File.Exists("/usr/bin/setpriv"), "running as root without setpriv (util-linux) to drop the right to read");
            File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=" + folder];
            // A checkout in a folder only root may enter (mktemp -d makes one) keeps 'nobody' from running the program at all.
            var reach = Process.Start(new ProcessStartInfo(prefix[0], [.. prefix[1..], "/usr/bin/test", "-r", Cli.Program]))!;
            reach.WaitForExit();
            Skip.If(reach.ExitCode != 0, $"'nobody' cannot read {Cli.Program} (a folder above it is closed to other users), so it cannot run the program as a user without the right to read");
        }
        var line = OneErrorLine(Run(prefix, "validate", path));
        Assert.Contains("secret.csv: the file cannot be read: permission denied", line);
    }

    [Fact]
    public void A_row_longer_than_16_MB_is_reported_in_one_line_with_its_line()
    {
        var folder = Cli.TempFolder();
        // Sep reads ahead: the rows before the long one are not yet given when it fails.
        var path = WriteExport(folder, "huge.csv", [Row(1), Row(2), Row(3) + ",\"" + new string('x', 17 << 20) + "\"", Row(4)]);
        var line = OneErrorLine(Cli.Run("validate", path));
        Assert.Contains("huge.csv: line 4: a row longer than 16 MB", line);
    }

    [Fact]
    public void A_contact_received_in_the_year_9999_is_rejected_with_a_reason_not_a_crash()
    {
        var folder = Cli.TempFolder();
        var path = WriteExport(folder, "far.csv", [Row(1), Row(2, "9999-12-31T10:00"), Row(3)]);
        var (exit, output, err) = Cli.Run("validate", path);
        Assert.True(exit == 0, err);
        Assert.Contains("rows read 3 = kept 2 + rejected 1 + duplicates 0", output);
        Assert.Contains("received_at: 9999-12-31 is after today", output);
    }

    [Fact]
    public void Escape_sequences_and_binary_in_a_header_are_printed_escaped()
    {
        var folder = Cli.TempFolder();
        var path = Path.Combine(folder, "garbage.csv");
        File.WriteAllBytes(path, [.. "\u001b[31mred\u001b[0m,\u0007bell,"u8, 0x00, 0x01, .. "\u202Eevil\n1,2,3\n"u8]);
        var line = OneErrorLine(Cli.Run("validate", path));
        Assert.DoesNotContain(line, ch => char.IsControl(ch) || ch == '\u202E');
        Assert.Contains(@"'\x1B[31mred\x1B[0m', '\x07bell', '\x00\x01\u202Eevil'", line);
    }

    [Fact]
    public void Validate_json_through_dotnet_run_prints_only_the_json_on_stdout()
    {
        // What a user types on a fresh clone: restore and build messages must not reach stdout before the result.
        var export = Path.Combine(DataPaths.Default.Root, "tests", "Helpline.Notebooks.Tests", "Corpus", "crlf-bom.csv");
        var (exit, output, err) = Run(["dotnet", "run", "--project", "lib/Helpline.Notebooks", "--"], "validate", export, "--json");
        Assert.True(exit == 0, output + err);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("register", json.RootElement.GetProperty("kind").GetString());
    }

    /// <summary>Runs the program behind a prefix (another user, or <c>dotnet run</c>).</summary>
    private static (int Exit, string Out, string Err) Run(string[] prefix, params string[] args)
    {
        if (prefix.Length == 0)
            return Cli.Run(args);
        var start = new ProcessStartInfo(prefix[0]) { WorkingDirectory = DataPaths.Default.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in prefix.Skip(1))
            start.ArgumentList.Add(arg);
        if (prefix[0] != "dotnet")
        {
            start.ArgumentList.Add("dotnet");
            start.ArgumentList.Add(Cli.Program);
        }
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
