using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Helpline.Notebooks.Kernel;

/// <summary>
/// A message of the Jupyter messaging protocol (5.3): routing identities, then the delimiter, the HMAC-SHA256
/// signature of the four JSON frames, header, parent header, metadata and content.
/// </summary>
internal sealed record JupyterMessage(IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader, JsonObject Metadata, JsonObject Content)
{
    public const string ProtocolVersion = "5.3";

    private static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    public string Type => (string?)Header["msg_type"] ?? "";

    public string Session => (string?)Header["session"] ?? "";

    /// <summary>A reply or broadcast caused by <paramref name="parent"/> (null: none, e.g. the first status).</summary>
    public static JupyterMessage Create(string type, JsonObject content, JupyterMessage? parent, string session, IReadOnlyList<byte[]>? identities = null)
    {
        var header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString("N"),
            ["session"] = session,
            ["username"] = "kernel",
            ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            ["msg_type"] = type,
            ["version"] = ProtocolVersion,
        };
        var parentHeader = parent is null ? [] : (JsonObject)parent.Header.DeepClone();
        return new JupyterMessage(identities ?? parent?.Identities ?? [], header, parentHeader, [], content);
    }

    /// <summary>The frames to send, signed with <paramref name="key"/> (no signature when the key is empty).</summary>
    public List<byte[]> Encode(byte[] key, byte[]? topic = null)
    {
        var parts = new[] { Header, ParentHeader, Metadata, Content }.Select(o => Encoding.UTF8.GetBytes(o.ToJsonString())).ToArray();
        var frames = new List<byte[]>();
        if (topic is not null)
            frames.Add(topic);
        else
            frames.AddRange(Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(Sign(key, parts)));
        frames.AddRange(parts);
        return frames;
    }

    /// <summary>Reads received frames; null when they are not a message or the signature does not match.</summary>
    public static JupyterMessage? Decode(IReadOnlyList<byte[]> frames, byte[] key, out string? problem)
    {
        problem = null;
        int delimiter = -1;
        for (int i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            problem = "not a Jupyter message (no delimiter or too few frames)";
            return null;
        }
        var parts = frames.Skip(delimiter + 2).Take(4).ToArray();
        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        if (key.Length > 0 && !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(key, parts)), Encoding.ASCII.GetBytes(signature)))
        {
            problem = "bad HMAC signature";
            return null;
        }
        try
        {
            var objects = parts.Select(p => JsonNode.Parse(p) as JsonObject ?? []).ToArray();
            return new JupyterMessage([.. frames.Take(delimiter)], objects[0], objects[1], objects[2], objects[3]);
        }
        catch (System.Text.Json.JsonException e)
        {
            problem = $"a frame is not JSON ({e.Message})";
            return null;
        }
    }

    private static string Sign(byte[] key, byte[][] parts)
    {
        if (key.Length == 0)
            return "";
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        foreach (var part in parts)
            hmac.AppendData(part);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }
}
