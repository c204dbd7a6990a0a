namespace Helpline.Analysis;

/// <summary>When a notebook's outputs are decided: as they are shown, or all at once before the pages are written.</summary>
public enum ReleaseMode
{
    /// <summary>Each output with everything shown before it (an editor's kernel).</summary>
    Interactive,
    /// <summary>Provisional while cells run; the host decides every page at once before writing (publish, run).</summary>
    Deferred,
}
