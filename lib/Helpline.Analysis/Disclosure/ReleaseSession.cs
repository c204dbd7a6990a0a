namespace Helpline.Analysis;

/// <summary>
/// Where a notebook's outputs are decided while it runs. In an editor's kernel (<see cref="ReleaseMode.Interactive"/>)
/// each output is decided together with everything shown before it in the session. The publishing host runs notebooks
/// with <see cref="ReleaseMode.Deferred"/>: it collects every output of every page and decides them all at once, and
/// what a cell shows meanwhile is provisional.
/// </summary>
public sealed class ReleaseSession(ReleaseMode mode)
{
    private readonly List<IPageOutput> _shown = [];
    private readonly Lock _lock = new();
    private Release? _decided;

    /// <summary>The session of this process (interactive unless a host says otherwise).</summary>
    public static ReleaseSession Current { get; set; } = new(ReleaseMode.Interactive);

    public ReleaseMode Mode { get; } = mode;

    /// <summary>The outputs shown so far in an interactive session.</summary>
    public IReadOnlyList<IPageOutput> Shown
    {
        get
        {
            lock (_lock)
                return [.. _shown];
        }
    }

    /// <summary>An output as the page shows it now.</summary>
    public PageContent Render(IPageOutput output)
    {
        if (Mode == ReleaseMode.Deferred)
            return output.Render(Gate.Decide([output], null, linked: false, out _));
        lock (_lock)
        {
            if (!_shown.Contains(output))
            {
                _shown.Add(output);
                _decided = null;
            }
            // An output formatted for several mime types, or shown again, is decided once per set of outputs.
            _decided ??= Gate.Decide(_shown, null, linked: true, out _);
            return output.Render(_decided);
        }
    }
}
