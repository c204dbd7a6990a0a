using Helpline.Notebooks.Hosting;

namespace Helpline.Notebooks.Tests.Hosting;

public class IpynbNotebookTests
{
    [Theory]
    [InlineData("""{"cell_type": "code", "source": ["1", 2, null]}""", "cell 2: \"source\" lists something other than text")]
    [InlineData("""{"cell_type": "code", "source": 7}""", "cell 2: \"source\" is neither text nor a list of lines")]
    [InlineData("""{"source": "1"}""", "cell 2: no \"cell_type\" text")]
    [InlineData("""["a cell in a list"]""", "cell 2: not an object")]
    public void A_cell_that_cannot_be_read_makes_the_notebook_refused_naming_the_cell(string cell, string why)
    {
        var path = Path.Combine(Cli.TempFolder(), "odd.ipynb");
        File.WriteAllText(path, $$"""{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "markdown", "source": ["# A title"]}, {{cell}}]}""");

        var e = Assert.Throws<NotebookException>(() => IpynbNotebook.Load(path));

        Assert.Equal($"{path}: not a Jupyter notebook ({why})", e.Message);
    }

    [Fact]
    public void A_cell_whose_source_is_one_text_or_absent_is_read()
    {
        var path = Path.Combine(Cli.TempFolder(), "plain.ipynb");
        File.WriteAllText(path, """{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "markdown", "source": "# One text"}, {"cell_type": "code"}]}""");

        var notebook = IpynbNotebook.Load(path);

        Assert.Equal("One text", notebook.Title);
        Assert.Equal("", notebook.Cells[1].Source);
    }
}
