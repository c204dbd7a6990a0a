using System.CommandLine;
using System.Globalization;
using System.Runtime;
using Helpline.Analysis;
using Helpline.Notebooks.Commands;
using Helpline.Notebooks.Hosting;
using Helpline.Notebooks.Kernel;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
_ = HostOutput.Error; // taken now, before any kernel swaps Console.Error

var root = new RootCommand("Stop it Now! helpline analysis: run the notebooks, publish the site, check an export.")
{
    NewCommand.Create(),
    RunCommand.Create(),
    PublishCommand.Create(),
    AnswerCommand.Create(),
    WatchCommand.Create(),
    ValidateCommand.Create(),
    SynthesizeCommand.Create(),
    KernelCommand.Create(),
};
// Most of a short run is the JIT compiling Roslyn, .NET Interactive and Plotly.NET, none of which ship precompiled code.
// The runtime records what a command compiled, next to the program, and on its next run compiles that ahead on
// another core (multicore JIT); an unwritable folder only means no profile.
string command = args.Length > 0 && root.Subcommands.Any(c => c.Name == args[0]) ? args[0] : "other";
ProfileOptimization.SetProfileRoot(AppContext.BaseDirectory);
ProfileOptimization.StartProfile($"{command}.jitprofile");
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is NotebookException or RegisterFormatException or InvalidDataException)
{
    // A user's mistake: one clear message, no stack trace.
    HostOutput.Error.WriteLine($"error: {e.Message}");
    return 1;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    // A folder that cannot be written, a disk that is full: the system's words, in one line.
    HostOutput.Error.WriteLine($"error: {Printable.Of(e.Message.ReplaceLineEndings(" "), 500)}");
    return 1;
}
