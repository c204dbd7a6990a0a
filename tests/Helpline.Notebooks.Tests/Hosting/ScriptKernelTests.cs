using Helpline.Notebooks.Hosting;

namespace Helpline.Notebooks.Tests.Hosting;

public class ScriptKernelTests
{
    // Cells of every kind of outcome: nothing, a value, a display, console text, a compiler error, an exception, what
    // a failed cell left behind, and a variable set by #!set.
    private static readonly string[] Cells =
    [
        "var x = 6 * 7;",
        "x",
        "display(\"shown\"); \"returned\"",
        "Console.WriteLine(\"printed\")",
        "x;",
        "int y = \"text\";",
        "var z = x + 1; throw new InvalidOperationException(\"boom\");",
        "z",
        "using System.Globalization; string.Create(CultureInfo.InvariantCulture, $\"{1.5}\")",
        "new[] { 1, 2, 3 }.Sum()",
        "#!set --name fromSet --value 3\nfromSet + \"!\"",
        "#!set --name fromSet --value 4\nfromSet.GetType().Name",
    ];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_host_kernel_shows_refuses_and_fails_each_cell_as_the_editor_kernel_does(bool unprotected)
    {
        using var editor = CellExecution.CreateKernel(out _);
        using var host = CellExecution.CreateHostKernel(Cli.TempFolder(), out _);
        for (int i = 0; i < Cells.Length; i++)
        {
            var expected = await CellExecution.ExecuteAsync(editor, Cells[i], i + 1, unprotected, default);
            var actual = await CellExecution.ExecuteAsync(host, Cells[i], i + 1, unprotected, default);

            Assert.Equal(expected.Error, actual.Error);
            Assert.Equal(string.Join('\n', expected.Outputs.Select(o => o.ToJsonString())), string.Join('\n', actual.Outputs.Select(o => o.ToJsonString())));
        }
    }

    [Fact]
    public async Task The_outcomes_are_the_ones_a_reader_expects()
    {
        using var host = CellExecution.CreateHostKernel(Cli.TempFolder(), out var csharp);
        var outcomes = new List<CellOutcome>();
        for (int i = 0; i < Cells.Length; i++)
            outcomes.Add(await CellExecution.ExecuteAsync(host, Cells[i], i + 1, unprotected: true, default));

        Assert.Empty(outcomes[0].Outputs);
        Assert.Contains("<pre>42</pre>", (string?)outcomes[1].Outputs.Single()["data"]!["text/html"]);
        Assert.Equal(["display_data", "execute_result"], outcomes[2].Outputs.Select(o => (string?)o["output_type"]));
        Assert.Equal("printed\n", (string?)outcomes[3].Outputs.Single()["text"]);
        Assert.Contains("CS0201", outcomes[4].Error);
        Assert.Contains("CS0029", outcomes[5].Error);
        Assert.Equal("InvalidOperationException: boom", outcomes[6].Error);
        Assert.Contains("<pre>43</pre>", (string?)outcomes[7].Outputs.Single()["data"]!["text/html"]);
        Assert.Equal("1.5", (string?)outcomes[8].Outputs.Single()["data"]!["text/plain"]);
        Assert.Equal("3!", (string?)outcomes[10].Outputs.Single()["data"]!["text/plain"]);
        Assert.Equal("String", (string?)outcomes[11].Outputs.Single()["data"]!["text/plain"]);
        Assert.Equal("4", csharp.ValueOf("fromSet"));
        Assert.Equal(43, csharp.ValueOf("z"));
        Assert.Null(csharp.ValueOf("nothing"));
    }

    [Fact]
    public async Task A_cell_that_follows_the_same_cells_in_the_same_folder_is_not_compiled_again()
    {
        var folder = Cli.TempFolder();
        var marker = $"// {Guid.NewGuid():N}";
        var first = await LastScriptAfter(folder, marker, "var a = 1;", "a + 1");
        var again = await LastScriptAfter(folder, marker, "var a = 1;", "a + 1");
        var otherEarlierCell = await LastScriptAfter(folder, marker, "var a = 2;", "a + 1");
        var otherFolder = await LastScriptAfter(Cli.TempFolder(), marker, "var a = 1;", "a + 1");

        Assert.Same(first, again);
        Assert.NotSame(first, otherEarlierCell);
        Assert.NotSame(first, otherFolder);
    }

    [Fact]
    public async Task A_referenced_library_changed_since_is_compiled_against_again()
    {
        var folder = Cli.TempFolder();
        var library = Path.Combine(folder, "library.dll");
        File.Copy(typeof(Helpline.Analysis.Register).Assembly.Location, library);
        var cell = "#r \"library.dll\"\n1";
        var first = await LastScriptAfter(folder, cell);
        var again = await LastScriptAfter(folder, cell);
        File.SetLastWriteTimeUtc(library, File.GetLastWriteTimeUtc(library).AddMinutes(1));
        var rebuilt = await LastScriptAfter(folder, cell);

        Assert.Same(first, again);
        Assert.NotSame(first, rebuilt);
    }

    [Fact]
    public async Task A_cell_that_declares_a_type_or_a_static_field_or_loads_a_file_and_every_cell_after_it_are_compiled_for_one_kernel_alone()
    {
        var folder = Cli.TempFolder();
        var marker = $"// {Guid.NewGuid():N}";
        File.WriteAllText(Path.Combine(folder, "counter.csx"), "class Loaded { public static int N; }");
        foreach (var declaration in new[] { "class Counter { public static int N; }", "static int counter = 0;", "#load \"counter.csx\"" })
        {
            var cells = new[] { marker, declaration, "var before = 1;", "var after = 2;" };
            var first = await LastScriptAfter(folder, cells);
            Assert.NotSame(first, await LastScriptAfter(folder, cells));
        }

        // What sharing would break: each kernel counts from zero.
        foreach (var run in new[] { 1, 2 })
        {
            using var host = CellExecution.CreateHostKernel(folder, out var csharp);
            await CellExecution.ExecuteAsync(host, marker + "\nclass Counter { public static int N; }", 1, unprotected: true, default);
            var outcome = await CellExecution.ExecuteAsync(host, "var n = ++Counter.N;", 2, unprotected: true, default);
            Assert.Null(outcome.Error);
            Assert.Equal(1, csharp.ValueOf("n"));
        }
    }

    private static async Task<object?> LastScriptAfter(string folder, params string[] cells)
    {
        using var host = CellExecution.CreateHostKernel(folder, out var csharp);
        foreach (var cell in cells)
        {
            var outcome = await CellExecution.ExecuteAsync(host, cell, 1, unprotected: true, default);
            Assert.Null(outcome.Error);
        }
        return csharp.LastScript;
    }
}
