using System.Globalization;

namespace Helpline.Analysis;

/// <summary>What the release gate did: how many statistics it saw and withheld, and what the audit cost.</summary>
public sealed class GateReport
{
    public int Statistics { get; internal set; }

    public int Sensitive { get; internal set; }

    public int Small { get; internal set; }

    public int Secondary { get; internal set; }

    public int TooFew { get; internal set; }

    /// <summary>Groups of contacts the linear programs reason about (after merging those no release tells apart).</summary>
    public int Atoms { get; internal set; }

    public int LinearPrograms { get; internal set; }

    /// <summary>Integer programs the audit solved (whole numbers, every x read as 0 or above T).</summary>
    public int IntegerPrograms { get; internal set; }

    public int Passes { get; internal set; }

    /// <summary>Narrowings nothing released by the site could relax: they follow from public figures alone.</summary>
    public int Unfixable { get; internal set; }

    /// <summary>Components withheld whole because refining did not settle.</summary>
    public int GaveUp { get; internal set; }

    /// <summary>Groups of linked statistics audited, each a linear program of its own.</summary>
    public int Components { get; internal set; }

    /// <summary>Components settled as an equal one was earlier in this process, without solving again (their programs
    /// are counted above as when they were solved).</summary>
    public int Reused { get; internal set; }

    public double Seconds { get; internal set; }

    /// <summary>Adds what the audit of one component did and found.</summary>
    internal void AddAudit(GateReport component)
    {
        Atoms += component.Atoms;
        Unfixable += component.Unfixable;
        Passes += component.Passes;
        GaveUp += component.GaveUp;
        LinearPrograms += component.LinearPrograms;
        IntegerPrograms += component.IntegerPrograms;
    }

    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var text = string.Create(c, $"release gate: {Statistics:N0} statistics ({Sensitive:N0} sensitive), withheld {Small:N0} ≤T, {Secondary:N0} x, {TooFew:N0} ..; audit: {Atoms:N0} groups, {LinearPrograms:N0} linear programs, {IntegerPrograms:N0} integer programs, {Passes} passes, {Seconds:F2} s");
        if (Unfixable > 0)
            text += string.Create(c, $"; {Unfixable} narrowing(s) follow from public figures alone");
        if (Reused > 0)
            text += string.Create(c, $"; {Reused} of {Components} components settled before in this process, not solved again");
        if (GaveUp > 0)
            text += string.Create(c, $"; {GaveUp} component(s) withheld whole");
        return text;
    }
}
