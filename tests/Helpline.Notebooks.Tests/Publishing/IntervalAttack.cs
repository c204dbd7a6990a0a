namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>
/// An outsider's arithmetic on published cells: each cell is an interval (a count shown exactly, <c>≤T</c> as 1..T,
/// <c>x</c> and <c>..</c> as 0 or more), each known sum ties cells together, and bounds are tightened line by line until nothing
/// moves. Weaker than linear programming, and written apart from the library so that it does not share its mistakes.
/// </summary>
internal sealed class IntervalAttack(int threshold)
{
    private const long Unbounded = 1_000_000_000;
    private readonly List<(long Lo, long Hi, string Name, string Mark)> _cells = [];
    private readonly List<(int[] Parts, int Total)> _sums = [];

    public int Threshold { get; } = threshold;

    /// <summary>Adds a cell as the page writes it (<c>12</c>, <c>1,234</c>, <c>≤5</c>, <c>x</c>, <c>..</c>); returns its index.</summary>
    public int Cell(string text, string name)
    {
        text = text.Trim();
        var count = SiteFiles.Count(text);
        (long lo, long hi) = count is { } n ? (n, n) : text.StartsWith('≤') ? (1L, long.Parse(text[1..], System.Globalization.CultureInfo.InvariantCulture)) : (0L, Unbounded);
        _cells.Add((lo, hi, name, count is null ? text : ""));
        return _cells.Count - 1;
    }

    public int Known(long value, string name)
    {
        _cells.Add((value, value, name, ""));
        return _cells.Count - 1;
    }

    public void Sum(IEnumerable<int> parts, int total) => _sums.Add(([.. parts], total));

    /// <summary>The withheld cells narrowed beyond their label: a <c>≤T</c> cell that cannot be every value 1..T, an
    /// <c>x</c> cell whose range is narrower than T+1 values.</summary>
    public List<string> Breaches()
    {
        var lo = _cells.Select(c => c.Lo).ToArray();
        var hi = _cells.Select(c => c.Hi).ToArray();
        for (bool moved = true; moved;)
        {
            moved = false;
            foreach (var (parts, total) in _sums)
            {
                long sumLo = parts.Sum(p => lo[p]), sumHi = parts.Sum(p => Math.Min(hi[p], Unbounded));
                moved |= Tighten(lo, hi, total, sumLo, sumHi);
                foreach (var p in parts)
                {
                    long othersLo = sumLo - lo[p], othersHi = sumHi - Math.Min(hi[p], Unbounded);
                    moved |= Tighten(lo, hi, p, lo[total] - othersHi, hi[total] >= Unbounded ? Unbounded : hi[total] - othersLo);
                }
            }
        }
        var breaches = new List<string>();
        for (int i = 0; i < _cells.Count; i++)
        {
            if (lo[i] > hi[i])
            {
                // The published sums cannot all hold: a page contradicts another, which is a defect of its own.
                breaches.Add($"{_cells[i].Name}: the published sums contradict each other ({lo[i]} > {hi[i]})");
                continue;
            }
            var mark = _cells[i].Mark;
            if (mark.StartsWith('≤') && (lo[i] > 1 || hi[i] < Threshold))
                breaches.Add($"{_cells[i].Name} is {mark} but lies in {lo[i]}..{hi[i]}");
            else if (mark == "x" && hi[i] - lo[i] < Threshold)
                breaches.Add($"{_cells[i].Name} is x but lies in {lo[i]}..{hi[i]}");
            // "..": a group too small to break down. Its parts lie within the group's public total, so they may be
            // narrow; what must not follow is a single value, or that someone is there and few are.
            else if (mark == ".." && (lo[i] == hi[i] || (lo[i] >= 1 && hi[i] <= Threshold)))
                breaches.Add($"{_cells[i].Name} is .. but lies in {lo[i]}..{hi[i]}");
        }
        return breaches;
    }

    private static bool Tighten(long[] lo, long[] hi, int i, long newLo, long newHi)
    {
        // Contradictory sums would push bounds apart for ever: stop at the point of contradiction.
        if (lo[i] > hi[i])
            return false;
        newLo = Math.Min(newLo, Unbounded);
        bool moved = false;
        if (newLo > lo[i])
        {
            lo[i] = newLo;
            moved = true;
        }
        if (newHi < hi[i])
        {
            hi[i] = newHi;
            moved = true;
        }
        return moved;
    }
}
