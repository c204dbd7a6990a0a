using System.CommandLine;
using Helpline.Notebooks.Documents;
using Helpline.Notebooks.Hosting;
using Helpline.Notebooks.Publishing;

namespace Helpline.Notebooks.Commands;

/// <summary>
/// <c>answer</c>: a question notebook as the Word draft of a written answer. The notebook runs with every notebook of
/// its folder (the site's set), and the release gate decides over all of them at once, exactly as <c>publish</c>
/// does: the draft withholds what the site withholds. <c>--from-site</c> takes a published site's released outputs
/// instead of running anything.
/// </summary>
internal static class AnswerCommand
{
    public static Command Create()
    {
        var notebook = new Argument<string>("notebook") { Description = "The question's notebook, e.g. notebooks/00-answer.ipynb; cells tagged 'answer' are the answer's text." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "The Word file to write (default: NAME.docx in the current folder)." };
        var fromSite = new Option<DirectoryInfo?>("--from-site")
        {
            Description = "Take the released outputs of a site published with its documents (its NAME.ipynb and chart images) instead of running the notebooks.",
        };
        var parameters = RunCommand.ParamOption();
        var jobs = RunCommand.JobsOption();
        var command = new Command("answer", "Write a notebook as the Word draft of a written answer: the question, the answer's text, numbered tables and figures, sources.")
        {
            notebook, output, fromSite, parameters, jobs,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var path = Path.GetFullPath(parse.GetValue(notebook)!);
            if (!File.Exists(path))
                throw new NotebookException($"{parse.GetValue(notebook)}: no such notebook");
            var name = Path.GetFileNameWithoutExtension(path);
            var target = parse.GetValue(output)?.FullName ?? Path.GetFullPath(name + ".docx");
            // Checked before minutes of notebooks, and so that -o cannot name the notebook or an export by mistake.
            if (Directory.Exists(target))
                throw new NotebookException($"{target}: is a folder; give --output the Word file to write, such as {Path.Combine(target, name + ".docx")}");
            if (!target.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
                throw new NotebookException($"{target}: a Word draft is a .docx file; give --output a name ending in .docx");
            var values = NotebookParameters.Parse(parse.GetValue(parameters) ?? []);
            NotebookParameters.CheckDisclosure(values);
            OutputGuard.Check(Path.GetDirectoryName(target)!, values, allowTracked: false);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);

            if (parse.GetValue(fromSite) is { } site)
            {
                var executed = Path.Combine(site.FullName, name + ".ipynb");
                var images = Path.Combine(site.FullName, DocumentPaths.Folder, name);
                if (!File.Exists(executed))
                    throw new NotebookException($"{site.FullName}: no {name}.ipynb; publish the site first");
                var page = PageModel.From(IpynbNotebook.Load(executed));
                if (page.Charts.Any() && !Directory.Exists(images))
                    throw new NotebookException($"{site.FullName}: no chart images for {name}; publish the site with its documents (without --no-documents)");
                WordWriter.Write(page, images, target);
                return Written(target, page);
            }

            if (!DocumentWriter.Available)
                throw new NotebookException("the Word draft's figures are drawn by Chromium, and none is installed (Debian: apt-get install chromium)");
            var folder = Path.GetDirectoryName(path)!;
            var set = Directory.GetFiles(folder, "*.ipynb").Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList();
            var runs = await RunCommand.RunAllAsync(set, values, parse.GetValue(jobs), cancel);
            if (!runs.All(r => r.Succeeded))
                return 2;
            var (release, report) = PageRelease.Apply(runs);
            HostOutput.Error.WriteLine(report.ToString());
            if (release.NotForPublication)
                throw new NotebookException("disclosure control is off (suppress=false): refusing to write a Word draft that shows small counts.");

            // The page is written to a scratch folder as the site would write it, so Chromium draws its figures.
            var staging = Directory.CreateTempSubdirectory("helpline-answer-").FullName;
            try
            {
                var run = runs.Single(r => string.Equals(r.Source, path, StringComparison.Ordinal));
                var writer = new SiteWriter(staging) { Documents = true };
                writer.WriteAssets();
                writer.WritePage(run);
                var page = PageModel.From(run.Executed);
                await using (var documents = DocumentWriter.Start(staging, wanted: true, tabs: 1))
                    await documents.WritePageAsync(page);
                File.Copy(Path.Combine(staging, DocumentPaths.Word(name)), target, overwrite: true);
                return Written(target, page);
            }
            finally
            {
                Directory.Delete(staging, recursive: true);
            }
        });
        return command;
    }

    private static int Written(string target, PageModel page)
    {
        var items = page.Items.Where(i => i.Answer || !page.HasAnswerTags).ToList();
        HostOutput.Error.WriteLine($"Word draft written to {target}: {(page.HasAnswerTags ? "the cells tagged 'answer'" : "the whole page (no cell is tagged 'answer')")}, " +
                                   $"{items.OfType<TableItem>().Count()} tables, {items.OfType<ChartItem>().Count()} figures");
        return 0;
    }
}
