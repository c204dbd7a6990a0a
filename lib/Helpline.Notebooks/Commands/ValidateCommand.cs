using System.CommandLine;
using Helpline.Analysis;
using Helpline.Notebooks.Validation;

namespace Helpline.Notebooks.Commands;

/// <summary><c>validate</c>: what the library makes of an export, before anything is published from it.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Register or web-statistics files (CSV).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the reports as JSON, for scripts." };
        var command = new Command("validate", "Load register or web-statistics files and print the cleaning report: rows kept, rejected (by reason, with lines), duplicates, synonyms, contacts outside opening hours, counts.")
        {
            files, json,
        };
        command.SetAction(parse =>
        {
            var reports = new List<FileValidation>();
            int failures = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                try
                {
                    reports.Add(FileValidation.Of(file.FullName));
                }
                catch (RegisterFormatException e)
                {
                    HostOutput.Error.WriteLine($"error: {e.Message}");
                    failures++;
                }
            }
            if (parse.GetValue(json))
                Console.WriteLine(reports.Count == 1 ? reports[0].ToJson() : "[" + string.Join(",\n", reports.Select(r => r.ToJson())) + "]");
            else
                reports.ForEach(r => Console.WriteLine(r.ToText()));
            return failures == 0 ? 0 : 1;
        });
        return command;
    }
}
