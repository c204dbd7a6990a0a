using System.CommandLine;
using Helpline.Analysis;
using Helpline.Notebooks.Commands;
using NetMQ;

namespace Helpline.Notebooks.Kernel;

/// <summary>
/// <c>kernel</c>: the host as a Jupyter kernel (<c>kernel CONNECTION_FILE</c>, as Jupyter starts it), and
/// <c>kernel install</c> / <c>kernel uninstall</c> for its kernelspec.
/// </summary>
internal static class KernelCommand
{
    public static Command Create()
    {
        var connection = new Argument<FileInfo?>("connection-file") { Description = "The connection file Jupyter writes (Jupyter passes it; you do not).", Arity = ArgumentArity.ZeroOrOne };
        var resources = new Option<DirectoryInfo?>("--resources") { Description = "The kernelspec's folder, which holds plotly.js for the editor's charts (kernel install sets it)." };
        var command = new Command("kernel", $"Run as a Jupyter kernel (\"{KernelSpec.DisplayName}\"): the host's C# kernel with its formatters and release gate, for Jupyter, VS Code and nbclient.")
        {
            connection, resources, Install(), Uninstall(),
        };
        command.SetAction(async (parse, cancel) =>
        {
            if (parse.GetValue(connection) is not { } file)
            {
                HostOutput.Error.WriteLine("kernel: give a connection file (Jupyter does), or use 'kernel install' to make the kernel known to Jupyter");
                return 1;
            }
            var script = PlotlyScript(parse.GetValue(resources));
            using (var kernel = new JupyterKernel(ConnectionFile.Read(file.FullName), new PlotlyLoader(KernelSpec.Name, script), HostOutput.Error))
                await kernel.RunAsync().WaitAsync(cancel);
            NetMQConfig.Cleanup(block: false);
            return 0;
        });
        return command;
    }

    private static (Option<bool> User, Option<DirectoryInfo?> Prefix) Where() => (
        new Option<bool>("--user") { Description = "The user's Jupyter folder (the default), e.g. ~/.local/share/jupyter/kernels." },
        new Option<DirectoryInfo?>("--prefix") { Description = "PREFIX/share/jupyter/kernels instead (a virtual environment, a test's folder)." });

    private static string DataFolder(ParseResult parse, Option<DirectoryInfo?> prefix) =>
        parse.GetValue(prefix) is { } p ? Path.Combine(p.FullName, "share", "jupyter") : KernelSpec.UserDataFolder();

    private static Command Install()
    {
        var (user, prefix) = Where();
        var command = new Command("install", $"Write the \"{KernelSpec.DisplayName}\" kernelspec ({KernelSpec.Name}) so Jupyter, VS Code and nbclient can start this build as a kernel.") { user, prefix };
        command.SetAction(parse =>
        {
            var folder = KernelSpec.Install(DataFolder(parse, prefix));
            Console.WriteLine($"installed kernel {KernelSpec.Name} (\"{KernelSpec.DisplayName}\") in {folder}");
            return 0;
        });
        return command;
    }

    private static Command Uninstall()
    {
        var (user, prefix) = Where();
        var command = new Command("uninstall", $"Remove the {KernelSpec.Name} kernelspec.") { user, prefix };
        command.SetAction(parse =>
        {
            var data = DataFolder(parse, prefix);
            Console.WriteLine(KernelSpec.Uninstall(data) ? $"removed {KernelSpec.Folder(data)}" : $"no kernel {KernelSpec.Name} in {KernelSpec.Folder(data)}");
            return 0;
        });
        return command;
    }

    /// <summary>plotly.js as a file the editor's page can load: the kernelspec's copy, else one written once to a temporary folder.</summary>
    private static string PlotlyScript(DirectoryInfo? resources)
    {
        if (resources is not null && File.Exists(Path.Combine(resources.FullName, PlotlyLoader.ScriptName)))
            return Path.Combine(resources.FullName, PlotlyLoader.ScriptName);
        var path = Path.Combine(Path.GetTempPath(), "helpline-kernel", PlotlyLoader.ScriptName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var partial = path + "." + Environment.ProcessId;
            File.WriteAllText(partial, NotebookDisplay.PlotlyScript());
            File.Move(partial, path, overwrite: true);
        }
        return path;
    }
}
