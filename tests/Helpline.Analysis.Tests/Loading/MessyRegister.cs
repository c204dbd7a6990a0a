namespace Helpline.Analysis.Tests.Loading;

/// <summary>
/// A register with every kind of row the loader treats apart: synonyms, rows without an id, repeated rows, reused ids,
/// refused rows, blank lines, answered calls outside opening hours, a note over two lines, quotes that run over lines
/// and, near the end, one that is never closed. The same for the same arguments, on every run.
/// </summary>
internal static class MessyRegister
{
    public const string Header = "contact_id,received_at,channel,outcome,requester,gender,age_band,caller_key,referral";

    /// <summary>The text of a register of <paramref name="lines"/> lines after the header.</summary>
    public static string Text(int lines, int seed = 15)
    {
        var random = new Random(seed);
        var text = new List<string> { Header };
        var written = new List<string>();
        string Moment() => $"20{random.Next(18, 21)}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}T{random.Next(0, 24):D2}:{random.Next(0, 60):D2}";
        string[] phone = ["phone", "telefoon", "Telefoon", "tel"], answered = ["answered", "beantwoord", "ja"], missed = ["busy", "bezet", "closed", "gesloten"];
        string Values()
        {
            string channel = random.Next(3) switch { 0 => phone[random.Next(phone.Length)], 1 => "chat", _ => random.Next(2) == 0 ? "email" : "e-mail" };
            string caller = random.Next(4) == 0 ? "" : $"k{random.Next(lines / 3 + 1)}";
            if (channel is "chat" || phone.Contains(channel) && random.Next(2) == 0)
                return $"{Moment()},{channel},{missed[random.Next(missed.Length)]},,,,{caller},";
            return $"{Moment()},{channel},{answered[random.Next(answered.Length)]},{(random.Next(2) == 0 ? "zelf" : "self")},{(random.Next(2) == 0 ? "v" : "male")},26-35,{caller},{(random.Next(2) == 0 ? "geen" : "caw")}";
        }
        for (int i = 1; text.Count <= lines; i++)
        {
            string line = random.Next(100) switch
            {
                < 60 => $"{i},{Values()}",
                < 68 when written.Count > 0 => written[random.Next(written.Count)], // a repeated row
                < 73 when written.Count > 0 => $"{written[random.Next(written.Count)].Split(',')[0]},{Values()}", // a reused id
                < 80 => $",{Values()}", // no id: found again by its values
                < 82 => $"{i},{Moment()},fax,answered,,,,,",
                < 84 => $"{i},31/02/2020 15:00,phone,answered,,,,,",
                < 85 => $"{i},{Moment()},email,busy,,,,,",
                < 86 => $"{i},{Moment()},phone",
                < 87 => "Totaal,,,,,,,,",
                < 90 => "",
                < 91 => $"\"{i}\nnote\",{Values()}", // a note over two lines: one whole row
                < 92 => $"{i},{Moment()},\"phone,answered,,,,,\n{i}b,{Moment()},chat\",closed,,,,,", // a quote over lines that makes no row
                _ => $"{i},{Values()}",
            };
            text.Add(line);
            if (line.Length > 0 && char.IsAsciiDigit(line[0]) && !line.Contains('"', StringComparison.Ordinal))
                written.Add(line);
        }
        text.Insert(text.Count * 9 / 10, $"\"{lines},{Moment()},phone,answered,,,,,"); // never closed: runs to the end of the file
        return string.Join(random.Next(2) == 0 ? "\n" : "\r\n", text) + "\n";
    }
}
