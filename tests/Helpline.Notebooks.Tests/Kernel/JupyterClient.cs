using System.Diagnostics;
using System.Text.Json.Nodes;
using Helpline.Analysis;

namespace Helpline.Notebooks.Tests.Kernel;

/// <summary>
/// Jupyter's own clients against the kernel, as an editor or nbconvert would drive it: the kernelspec installed into a
/// fresh prefix with <c>kernel install --prefix</c>, then Debian's python3 with nbclient and jupyter_client
/// (<c>kernel_client.py</c>). Each run happens once for the test class, when a test first asks for it.
/// </summary>
public sealed class JupyterClient : IDisposable
{
    private readonly Lazy<string> _prefix;
    private readonly Lazy<JsonObject> _protocol;
    private readonly Lazy<(JsonObject Notebook, long Bytes, string Path)> _notebook;
    private readonly Lazy<JsonObject> _hostRun;

    public JupyterClient()
    {
        _prefix = new(() =>
        {
            var prefix = Cli.TempFolder();
            var (exit, _, err) = Cli.Run("kernel", "install", "--prefix", prefix);
            Assert.True(exit == 0, err);
            return prefix;
        });
        _protocol = new(() => JsonNode.Parse(Python("protocol", NotebooksFolder))!.AsObject());
        _notebook = new(() =>
        {
            var folder = Cli.TempFolder();
            var source = Path.Combine(folder, "kernel-test.ipynb");
            File.WriteAllText(source, TestNotebook().ToJsonString());
            var executed = Path.Combine(folder, "kernel-test.executed.ipynb");
            Python("notebook", source, executed, NotebooksFolder);
            return (JsonNode.Parse(File.ReadAllText(executed))!.AsObject(), new FileInfo(executed).Length, executed);
        });
        _hostRun = new(() =>
        {
            var folder = Cli.TempFolder();
            var (exit, _, err) = Cli.Run("run", Path.Combine(NotebooksFolder, Shipped), "--output", folder);
            Assert.True(exit == 0, err);
            return JsonNode.Parse(File.ReadAllText(Path.Combine(folder, Shipped)))!.AsObject();
        });
    }

    /// <summary>The shipped notebook the tests run: a table, a chart, a sentence, the reconciliation.</summary>
    public const string Shipped = "01-contacts.ipynb";

    public static string NotebooksFolder => Path.Combine(DataPaths.Default.Root, "notebooks");

    /// <summary>Debian's python3 when it has nbclient and jupyter_client; null (the tests skip) otherwise.</summary>
    public static string? Python3 { get; } = new[] { "/usr/bin/python3" }.FirstOrDefault(p => File.Exists(p) && Runs(p, "-c", "import nbclient, jupyter_client"));

    public const string Missing = "Debian's python3-nbclient and python3-jupyter-client are not installed; .ci/run installs them";

    public string KernelFolder => Path.Combine(_prefix.Value, "share", "jupyter", "kernels", "helpline-csharp");

    /// <summary>What the kernel answered to jupyter_client: kernel_info, a forged message, completion, an interrupt, ...</summary>
    public JsonObject Protocol => _protocol.Value;

    /// <summary>The shipped notebook with three cells added (a throw, a raw DataFrame, a count), executed by nbclient.</summary>
    public (JsonObject Notebook, long Bytes, string Path) Executed => _notebook.Value;

    /// <summary>The same shipped notebook executed by the publishing host (<c>run</c>).</summary>
    public JsonObject HostRun => _hostRun.Value;

    public static readonly string[] AddedCells =
    [
        "throw new InvalidOperationException(\"this cell fails on purpose\");",
        "perMonth.ToDataFrame()",
        "data.Contacts.Total()",
    ];

    private static JsonObject TestNotebook()
    {
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(NotebooksFolder, Shipped)))!.AsObject();
        var cells = notebook["cells"]!.AsArray();
        foreach (var code in AddedCells)
            cells.Add(new JsonObject { ["cell_type"] = "code", ["execution_count"] = null, ["id"] = Guid.NewGuid().ToString("N")[..8], ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(), ["source"] = code });
        return notebook;
    }

    private string Python(params string[] args)
    {
        var (exit, output, error) = ExternalProgram.Run(Python3!, [Path.Combine(AppContext.BaseDirectory, "Kernel", "kernel_client.py"), .. args],
            TimeSpan.FromMinutes(3), new Dictionary<string, string> { ["JUPYTER_PATH"] = Path.Combine(_prefix.Value, "share", "jupyter") });
        Assert.True(exit == 0, $"kernel_client.py {args[0]} exited {exit}: {error}");
        return output;
    }

    private static bool Runs(string program, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args)
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_prefix.IsValueCreated)
            Directory.Delete(_prefix.Value, recursive: true);
    }
}
