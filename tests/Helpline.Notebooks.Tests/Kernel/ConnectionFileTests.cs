using Helpline.Notebooks.Kernel;

namespace Helpline.Notebooks.Tests.Kernel;

public class ConnectionFileTests
{
    [Theory]
    [InlineData("{}", "not a Jupyter connection file (it needs transport, ip, the five ports, key and signature_scheme)")]
    [InlineData("nope\n", "not a Jupyter connection file ('nope ' is an invalid JSON literal.")]
    [InlineData("""{"shell_port": "abc"}""", "not a Jupyter connection file (The JSON value could not be converted")]
    [InlineData("""{"transport": "tcp", "ip": "127.0.0.1", "shell_port": 0, "control_port": 2, "iopub_port": 3, "stdin_port": 4, "hb_port": 5, "key": "", "signature_scheme": "hmac-sha256"}""",
        "not a Jupyter connection file (each of the five ports must be from 1 to 65535)")]
    public void A_file_that_is_not_a_connection_file_is_refused_in_one_line(string text, string why)
    {
        var path = Path.Combine(Cli.TempFolder(), "kernel-1.json");
        File.WriteAllText(path, text);

        var e = Assert.Throws<InvalidDataException>(() => ConnectionFile.Read(path));

        Assert.StartsWith($"{path}: {why}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void The_kernel_given_a_folder_exits_1_with_one_line()
    {
        var folder = Cli.TempFolder();

        var (exit, _, err) = Cli.Run("kernel", folder);

        Assert.Equal(1, exit);
        Assert.Equal($"error: {folder}: is a folder, not a Jupyter connection file", err.Trim());
    }
}
