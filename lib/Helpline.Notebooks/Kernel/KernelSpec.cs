using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpline.Analysis;

namespace Helpline.Notebooks.Kernel;

/// <summary>
/// The kernelspec Jupyter, nbclient and VS Code find the kernel by: <c>kernel.json</c> (its command line starts this
/// build's dll with <c>kernel {connection_file}</c>), two logos, and plotly.js for the editor's charts.
/// </summary>
internal static class KernelSpec
{
    public const string Name = "helpline-csharp";

    public const string DisplayName = "Helpline C#";

    /// <summary>The kernel's folder under a Jupyter data folder.</summary>
    public static string Folder(string dataFolder) => Path.Combine(dataFolder, "kernels", Name);

    /// <summary>The user's Jupyter data folder (<c>JUPYTER_DATA_DIR</c>, else the platform's).</summary>
    public static string UserDataFolder()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } set)
            return set;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        if (OperatingSystem.IsMacOS())
            return Path.Combine(home, "Library", "Jupyter");
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(xdg is { Length: > 0 } ? xdg : Path.Combine(home, ".local", "share"), "jupyter");
    }

    /// <summary>Writes the kernelspec into <paramref name="dataFolder"/>/kernels/helpline-csharp; returns that folder.</summary>
    public static string Install(string dataFolder)
    {
        var folder = Folder(dataFolder);
        Directory.CreateDirectory(folder);
        var dll = typeof(KernelSpec).Assembly.Location;
        var spec = new JsonObject
        {
            ["argv"] = new JsonArray(DotnetHost(), dll, "kernel", "{connection_file}", "--resources", folder),
            ["display_name"] = DisplayName,
            ["language"] = "C#",
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
        File.WriteAllText(Path.Combine(folder, "kernel.json"), spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.WriteAllBytes(Path.Combine(folder, "logo-32x32.png"), Logo(32));
        File.WriteAllBytes(Path.Combine(folder, "logo-64x64.png"), Logo(64));
        File.WriteAllText(Path.Combine(folder, PlotlyLoader.ScriptName), NotebookDisplay.PlotlyScript());
        return folder;
    }

    /// <summary>Removes the kernelspec; false when there was none.</summary>
    public static bool Uninstall(string dataFolder)
    {
        var folder = Folder(dataFolder);
        if (!Directory.Exists(folder))
            return false;
        Directory.Delete(folder, recursive: true);
        return true;
    }

    /// <summary>The notebook metadata that names this kernel (kernelspec and language_info).</summary>
    public static JsonObject Metadata() => new()
    {
        ["display_name"] = DisplayName,
        ["language"] = "C#",
        ["name"] = Name,
    };

    public static JsonObject LanguageInfo() => new()
    {
        ["name"] = "C#",
        ["version"] = "13.0",
        ["mimetype"] = "text/x-csharp",
        ["file_extension"] = ".cs",
        ["pygments_lexer"] = "csharp",
        ["codemirror_mode"] = "text/x-csharp",
    };

    /// <summary>The dotnet host that runs this process (so the kernel starts the dll directly, not through dotnet run).</summary>
    private static string DotnetHost()
    {
        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } process && Path.GetFileName(process) == exe)
            return process;
        foreach (var variable in new[] { "DOTNET_HOST_PATH" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } host && File.Exists(host))
                return host;
        }
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (root is { Length: > 0 } && File.Exists(Path.Combine(root, exe)))
            return Path.Combine(root, exe);
        var runtime = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", exe));
        return File.Exists(runtime) ? runtime : exe;
    }

    /// <summary>The logo: a speech bubble in the site's blue with a white C-sharp mark, as an RGBA PNG.</summary>
    internal static byte[] Logo(int size)
    {
        var pixels = new byte[size * (size * 4 + 1)];
        double scale = size / 64.0;
        for (int y = 0; y < size; y++)
        {
            pixels[y * (size * 4 + 1)] = 0; // filter: none
            for (int x = 0; x < size; x++)
            {
                double px = (x + 0.5) / scale, py = (y + 0.5) / scale;
                bool bubble = Rounded(px, py, 4, 4, 60, 48, 10) || (px > 14 && px < 30 && py >= 44 && py < 60 && px - 14 < 60 - py);
                bool mark = bubble && (Ring(px, py, 22, 26, 11, 4) && px < 30 || Bar(px, py, 36, 14, 40, 38) || Bar(px, py, 46, 14, 50, 38)
                    || Bar(px, py, 32, 20, 54, 24) || Bar(px, py, 32, 28, 54, 32));
                var (r, g, b, a) = mark ? (255, 255, 255, 255) : bubble ? (31, 95, 153, 255) : (0, 0, 0, 0);
                int at = y * (size * 4 + 1) + 1 + x * 4;
                (pixels[at], pixels[at + 1], pixels[at + 2], pixels[at + 3]) = ((byte)r, (byte)g, (byte)b, (byte)a);
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bits per channel
        header[9] = 6; // RGBA
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
                zlib.Write(pixels);
            Chunk(png, "IDAT", compressed.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static bool Rounded(double x, double y, double left, double top, double right, double bottom, double radius)
    {
        double cx = Math.Clamp(x, left + radius, right - radius), cy = Math.Clamp(y, top + radius, bottom - radius);
        return x >= left && x < right && y >= top && y < bottom && (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius;
    }

    private static bool Ring(double x, double y, double cx, double cy, double radius, double width)
    {
        double d = Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
        return d <= radius && d >= radius - width;
    }

    private static bool Bar(double x, double y, double left, double top, double right, double bottom) => x >= left && x < right && y >= top && y < bottom;

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typed));
        png.Write(crc);
    }
}
