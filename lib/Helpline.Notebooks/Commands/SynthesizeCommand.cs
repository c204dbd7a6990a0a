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
        // Checked before any file is opened: a refused size must leave the register there as it was.
        rows.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long?>() is < 0)
                result.AddError("--rows must be 0 or more");
        });
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
                // Written beside it and moved over it at the end: a run stopped halfway leaves the register whole.
                var partial = register + ".partial";
                try
                {
                    using (var writer = new StreamWriter(partial, append: false, new System.Text.UTF8Encoding(false), 1 << 16))
                        SyntheticRegister.WriteScaled(data, size, writer);
                    File.Move(partial, register, overwrite: true);
                }
                finally
                {
                    File.Delete(partial);
                }
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
