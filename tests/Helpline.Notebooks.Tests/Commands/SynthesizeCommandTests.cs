namespace Helpline.Notebooks.Tests.Commands;

public class SynthesizeCommandTests
{
    [Fact]
    public void A_negative_row_count_is_refused_and_the_register_there_is_left_as_it_was()
    {
        var folder = Cli.TempFolder();
        var register = Path.Combine(folder, "contacts.csv");
        File.WriteAllText(register, "the register as it was\n");

        var (exit, _, err) = Cli.Run("synthesize", "--rows", "-1", "--output", folder);

        Assert.Equal(1, exit);
        Assert.Contains("--rows must be 0 or more", err);
        Assert.Equal("the register as it was\n", File.ReadAllText(register));
        Assert.Equal([register], Directory.GetFiles(folder));
    }

    [Fact]
    public void A_scaled_register_replaces_the_one_there_whole_and_leaves_no_partial_file()
    {
        var folder = Cli.TempFolder();
        var register = Path.Combine(folder, "contacts.csv");
        File.WriteAllText(register, "the register as it was\n");

        var (exit, _, err) = Cli.Run("synthesize", "--rows", "10", "--output", folder);

        Assert.True(exit == 0, err);
        var lines = File.ReadAllLines(register);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith("contact_id,received_at,channel", lines[0], StringComparison.Ordinal);
        Assert.Equal([register], Directory.GetFiles(folder));
    }
}
