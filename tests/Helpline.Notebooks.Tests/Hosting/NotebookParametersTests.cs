using Helpline.Notebooks.Hosting;

namespace Helpline.Notebooks.Tests.Hosting;

public class NotebookParametersTests
{
    [Fact]
    public void Declared_names_are_read_from_var_and_typed_declarations() =>
        Assert.Equal(["register", "threshold", "on"], NotebookParameters.Declared("// defaults\nvar register = \"a.csv\";\nint threshold = 5;\nbool on = true;\nConsole.WriteLine(1);"));

    [Fact]
    public void Values_become_literals_of_the_defaults_type()
    {
        var values = new Dictionary<string, string> { ["threshold"] = "10", ["path"] = "C:\\x \"y\".csv", ["ratio"] = "0.25", ["on"] = "False" };
        var defaults = new Dictionary<string, object> { ["threshold"] = 5, ["path"] = "", ["ratio"] = 1.0, ["on"] = true };
        var code = NotebookParameters.InjectedCode("nb", values, n => defaults[n]);
        Assert.Contains("threshold = 10;", code);
        Assert.Contains("path = @\"C:\\x \"\"y\"\".csv\";", code);
        Assert.Contains("ratio = 0.25;", code);
        Assert.Contains("on = false;", code);
    }

    [Fact]
    public void A_pair_without_an_equals_sign_is_refused() =>
        Assert.Throws<NotebookException>(() => NotebookParameters.Parse(["threshold"]));

    [Fact]
    public void A_parameter_given_twice_is_refused_rather_than_one_value_dropped()
    {
        var e = Assert.Throws<NotebookException>(() => NotebookParameters.Parse(["threshold=10", "suppress=true", "threshold=7"]));
        Assert.Equal("--param threshold is given twice: give it once", e.Message);
    }
}
