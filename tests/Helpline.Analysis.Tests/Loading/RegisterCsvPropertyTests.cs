using System.Text;
using CsCheck;
using Xunit.Abstractions;

namespace Helpline.Analysis.Tests.Loading;

/// <summary>Whatever bytes arrive, the loader returns a report whose accounting holds, or one clear error: never anything else.</summary>
public class RegisterCsvPropertyTests(ITestOutputHelper output)
{
    private const string Valid =
        "contact_id;received_at;channel;outcome;requester;gender;age_band;caller_key;referral\r\n" +
        "1;03/03/2020 15:32;telefoon;beantwoord;eigen gevoelens;m;26-35;k1;CAW\r\n" +
        "2;2020-03-03T16:05;chat;answered;close_environment;;;k2;\r\n" +
        "\"3;x\";01/03/2020 10:00;phone;closed;;;;k3;\r\n" +
        "4;04/03/2020 08:12;e-mail;ja;hulpverlener;;;k4;geen\r\n" +
        "Totaal;4;;;;;;;\r\n";

    private static readonly char[] Alphabet = [';', ',', '"', '\r', '\n', ' ', 'a', '1', '/', ':', '-', 'é', '\t', '\0'];

    private static bool HoldsOrFailsClearly(byte[] bytes, out string? problem)
    {
        problem = null;
        try
        {
            var load = RegisterCsv.Read(new MemoryStream(bytes), "fuzz.csv", Shipped.Hours);
            if (!load.Report.AccountingHolds)
                problem = $"accounting does not hold: {load.Report.Summary()}";
            else if (load.Report.RowsKept != load.Contacts.Count)
                problem = "kept rows and register differ";
            return problem is null;
        }
        catch (RegisterFormatException e) when (e.Message.StartsWith("fuzz.csv: ", StringComparison.Ordinal))
        {
            return true;
        }
    }

    [Fact]
    public void Arbitrary_bytes_give_a_report_that_adds_up_or_one_clear_error()
    {
        int cases = Deterministic.Sample(Gen.Byte.Array[0, 600],
            bytes => HoldsOrFailsClearly(bytes, out var problem) ? true : throw new Xunit.Sdk.XunitException(problem),
            seed: "0N0XIzNsQ0O2", cases: 3000, print: Convert.ToHexString);
        output.WriteLine($"{cases} arbitrary byte arrays loaded");
        Assert.Equal(3000, cases);
    }

    /// <summary>Inserts a symbol, removes a run, repeats the start of the text, or overwrites a symbol.</summary>
    private static Gen<(int Kind, int At, int Symbol, int Length)[]> Mutations(int length) =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, length - 1], Gen.Int[0, Alphabet.Length - 1], Gen.Int[1, 40]).Array[1, 8];

    private static string Mutate(string valid, (int Kind, int At, int Symbol, int Length)[] mutations)
    {
        var text = new StringBuilder(valid);
        foreach (var (kind, at, symbol, length) in mutations)
        {
            int position = Math.Min(at, text.Length);
            switch (kind)
            {
                case 0: text.Insert(position, Alphabet[symbol]); break;
                case 1: text.Remove(position, Math.Min(length, text.Length - position)); break;
                case 2: text.Insert(position, text.ToString(0, Math.Min(length, text.Length))); break;
                default: if (position < text.Length) text[position] = Alphabet[symbol]; break;
            }
        }
        return text.ToString();
    }

    [Fact]
    public void Arbitrary_mutations_of_a_valid_export_give_a_report_that_adds_up_or_one_clear_error()
    {
        int n = 0;
        int cases = Deterministic.Sample(Mutations(Valid.Length), mutations =>
        {
            n++;
            var bytes = (n % 2 == 0 ? Encoding.UTF8 : Encoding.GetEncoding(1252)).GetBytes(Mutate(Valid, mutations));
            return HoldsOrFailsClearly(bytes, out var problem) ? true : throw new Xunit.Sdk.XunitException(problem);
        }, seed: "0N0XIzNsQ0O2", cases: 3000, print: m => string.Join("; ", m));
        output.WriteLine($"{cases} mutated exports loaded");
        Assert.Equal(3000, cases);
    }

    [Fact]
    public void Arbitrary_mutations_of_a_long_export_load_the_same_on_two_threads_as_on_one()
    {
        // Three batches of rows and more, so that batches go round between the threads.
        var valid = MessyRegister.Text(3_500, seed: 17);
        int n = 0;
        int cases = Deterministic.Sample(Mutations(valid.Length), mutations =>
        {
            n++;
            var bytes = (n % 2 == 0 ? Encoding.UTF8 : Encoding.GetEncoding(1252)).GetBytes(Mutate(valid, mutations));
            RegisterLoad? Load(bool twoThreads, out string? error)
            {
                error = null;
                try
                {
                    return RegisterCsv.Read(new MemoryStream(bytes), "fuzz.csv", Shipped.Hours, null, twoThreads);
                }
                catch (RegisterFormatException e)
                {
                    error = e.Message;
                    return null;
                }
            }
            var one = Load(twoThreads: false, out var oneError);
            var two = Load(twoThreads: true, out var twoError);
            Assert.Equal(oneError, twoError);
            if (one is not null)
                SameLoad.Check(one, two!);
            return true;
        }, seed: "0N0XIzNsQ0O3", cases: 300, print: m => string.Join("; ", m));
        output.WriteLine($"{cases} mutated long exports loaded on one thread and on two");
        Assert.Equal(300, cases);
    }
}
