using System.CommandLine;
using Helpline.Analysis;

namespace Helpline.Notebooks.Commands;

/// <summary><c>synthesize</c>: writes the synthetic register and web statistics the repository ships.</summary>
internal static class SynthesizeCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo?>("--output")
        {
            Description = "Folder to write contacts.csv and web-visits.csv into (default: data/register of the repository).",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Random seed; the shipped files use the default.",
            DefaultValueFactory = _ => new SyntheticOptions().Seed,
        };
        var rows = new Option<long?>("--rows")
        {
            Description = "Write a register of this many rows instead, same schema and shape (for benchmarks): the calibrated register repeated evenly.",
        };
        var command = new Command("synthesize", "Write the synthetic register calibrated to the published totals.") { output, seed, rows };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output)?.FullName ?? Path.GetDirectoryName(DataPaths.Default.Register)!;
            Directory.CreateDirectory(folder);
            var data = SyntheticRegister.Generate(OpeningHours.Shipped(), new SyntheticOptions { Seed = parse.GetValue(seed) });
            var register = Path.Combine(folder, "contacts.csv");
            var web = Path.Combine(folder, "web-visits.csv");
            if (parse.GetValue(rows) is { } size)
            {
                using var writer = new StreamWriter(register, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
                SyntheticRegister.WriteScaled(data, size, writer);
                HostOutput.Error.WriteLine($"wrote {size:N0} contacts to {register}");
                return 0;
            }
            SyntheticRegister.Write(data, register, web);
            HostOutput.Error.WriteLine($"wrote {data.Contacts.Count:N0} contacts to {register} and {data.Visits.Count:N0} web rows to {web}");
            return 0;
        });
        return command;
    }
}
