using System.Text.Json;
using System.Text.Json.Serialization;
using Helpline.Analysis;

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
        if (Directory.Exists(path))
            throw new InvalidDataException($"{path}: is a folder, not a Jupyter connection file");
        ConnectionFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ConnectionFile>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a Jupyter connection file ({Printable.Of(e.Message.ReplaceLineEndings(" "), 300)})");
        }
        // A field the file lacks is left null by the serializer, whatever the record says.
        if (file is null || file.Transport is null || file.Ip is null || file.Key is null || file.SignatureScheme is null)
            throw new InvalidDataException($"{path}: not a Jupyter connection file (it needs transport, ip, the five ports, key and signature_scheme)");
        if (file.Transport == "tcp" && new[] { file.ShellPort, file.ControlPort, file.IopubPort, file.StdinPort, file.HeartbeatPort }.Any(p => p is < 1 or > 65535))
            throw new InvalidDataException($"{path}: not a Jupyter connection file (each of the five ports must be from 1 to 65535)");
        if (file.Key.Length > 0 && file.SignatureScheme != "hmac-sha256")
            throw new InvalidDataException($"{path}: signature scheme {file.SignatureScheme} is not supported (hmac-sha256 is)");
        return file;
    }

    public string Address(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";
}
