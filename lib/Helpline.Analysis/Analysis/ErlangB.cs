namespace Helpline.Analysis;

/// <summary>
/// Erlang's loss formula: the share of arrivals that find every counsellor busy, for Poisson arrivals, no queue and
/// no retries. With one counsellor and offered load A (erlangs: arrivals an hour × hours a conversation takes) it is
/// A / (1 + A); with c counsellors B(0) = 1, B(k) = A·B(k-1) / (k + A·B(k-1)). Callers who try again are counted as
/// new arrivals, which the formula does not model: a reading of the register, not a forecast.
/// </summary>
public static class ErlangB
{
    /// <summary>The share of arrivals blocked with <paramref name="servers"/> counsellors under <paramref name="load"/> erlangs.</summary>
    public static double Blocking(int servers, double load)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(servers);
        ArgumentOutOfRangeException.ThrowIfNegative(load);
        double b = 1;
        for (int k = 1; k <= servers; k++)
            b = load * b / (k + load * b);
        return b;
    }

    /// <summary>The load at which one counsellor blocks a share <paramref name="blocked"/> of arrivals: b / (1 - b).</summary>
    public static double LoadForOneServer(double blocked) =>
        blocked is >= 0 and < 1 ? blocked / (1 - blocked) : throw new ArgumentOutOfRangeException(nameof(blocked), "A share from 0 up to, not including, 1.");
}
