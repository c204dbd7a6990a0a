using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpline.Notebooks.Kernel;

/// <summary>The connection file a Jupyter client writes and names in the kernel's command line: where to listen, and the signing key.</summary>
internal sealed record ConnectionFile(
    [property: JsonPropertyName("transport")] string Transport,
    [property: JsonPropertyName("ip")] string Ip,
    [property: JsonPropertyName("shell_port")] int ShellPort,
    [property: JsonPropertyName("control_port")] int ControlPort,
    [property: JsonPropertyName("iopub_port")] int IopubPort,
    [property: JsonPropertyName("stdin_port")] int StdinPort,
    [property: JsonPropertyName("hb_port")] int HeartbeatPort,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("signature_scheme")] string SignatureScheme)
{
    public static ConnectionFile Read(string path)
    {
        var file = JsonSerializer.Deserialize<ConnectionFile>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path}: not a Jupyter connection file");
        if (file.Key.Length > 0 && file.SignatureScheme != "hmac-sha256")
            throw new InvalidDataException($"{path}: signature scheme {file.SignatureScheme} is not supported (hmac-sha256 is)");
        return file;
    }

    public string Address(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";
}
