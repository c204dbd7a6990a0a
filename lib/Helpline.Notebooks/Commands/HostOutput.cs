namespace Helpline.Notebooks.Commands;

/// <summary>
/// The terminal's error stream, taken when the program starts: .NET Interactive later swaps <c>Console.Error</c> for a
/// writer that follows the async context, and after a failing cell that writer can lead into the kernel's capture.
/// </summary>
internal static class HostOutput
{
    public static TextWriter Error { get; } = Console.Error;
}
