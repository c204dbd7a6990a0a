using CsCheck;

namespace Helpline.Analysis.Tests;

/// <summary>
/// CsCheck generators run from one fixed seed: the same cases on every run and every machine. (CsCheck's own
/// <c>Sample(..., seed)</c> uses the seed for the first case only and draws the others at random.) A failing case
/// names its own seed, so <c>Deterministic.Case(gen, seed)</c> gives it back.
/// </summary>
internal static class Deterministic
{
    /// <summary>Checks <paramref name="property"/> on <paramref name="cases"/> cases drawn in turn from <paramref name="seed"/>;
    /// returns how many ran. The property fails by returning false or by throwing (an xunit assertion, say).</summary>
    public static int Sample<T>(Gen<T> gen, Func<T, bool> property, string seed, int cases, Func<T, string>? print = null)
    {
        var pcg = PCG.Parse(seed);
        for (int n = 0; n < cases; n++)
        {
            ulong state = pcg.State;
            var value = gen.Generate(pcg, null, out _);
            bool holds;
            try
            {
                holds = property(value);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"case {n + 1} of {cases} (seed \"{pcg.ToString(state)}\") throws: {print?.Invoke(value) ?? value?.ToString()}\n{e}");
            }
            if (!holds)
                throw new Xunit.Sdk.XunitException($"case {n + 1} of {cases} (seed \"{pcg.ToString(state)}\") fails: {print?.Invoke(value) ?? value?.ToString()}");
        }
        return cases;
    }

    /// <summary>The case a failure's seed names.</summary>
    public static T Case<T>(Gen<T> gen, string seed) => gen.Generate(PCG.Parse(seed), null, out _);
}
