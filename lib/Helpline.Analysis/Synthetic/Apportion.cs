namespace Helpline.Analysis;

/// <summary>Splits a whole number over weights so that the parts add up exactly (largest remainder).</summary>
internal static class Apportion
{
    public static int[] Split(int total, IReadOnlyList<double> weights)
    {
        double sum = weights.Sum();
        if (total < 0)
            throw new ArgumentOutOfRangeException(nameof(total), total, "cannot split a negative total");
        if (total > 0 && !(sum > 0))
            throw new ArgumentException("cannot split a positive total over weights that are all zero", nameof(weights));
        var parts = new int[weights.Count];
        if (total == 0)
            return parts;
        var remainders = new (double Remainder, int Index)[weights.Count];
        int given = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            double exact = total * weights[i] / sum;
            parts[i] = (int)Math.Floor(exact);
            given += parts[i];
            remainders[i] = (exact - parts[i], i);
        }
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take(total - given))
            parts[index]++;
        return parts;
    }
}
