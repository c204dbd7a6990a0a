using System.Globalization;
using System.Text;

namespace Helpline.Notebooks.Documents;

/// <summary>A released table as its CSV download holds it: a header and rows of cells, text as written.</summary>
internal sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Reads RFC 4180 CSV: quoted cells may hold commas, quotes (doubled) and line breaks.</summary>
    public static CsvTable Parse(string csv)
    {
        var lines = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                    cell.Append(csv[++i]);
                else if (c == '"')
                    quoted = false;
                else
                    cell.Append(c);
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = any = true;
                    break;
                case ',':
                    row.Add(cell.ToString());
                    cell.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(cell.ToString());
                    lines.Add(row);
                    row = [];
                    cell.Clear();
                    any = false;
                    break;
                default:
                    cell.Append(c);
                    any = true;
                    break;
            }
        }
        if (any || cell.Length > 0)
        {
            row.Add(cell.ToString());
            lines.Add(row);
        }
        return lines.Count == 0 ? new CsvTable([], []) : new CsvTable(lines[0], lines.Skip(1).ToList());
    }

    /// <summary>
    /// What a cell is: a whole or decimal number (as the CSV writes it, invariant, no thousands separator), a share
    /// (<c>60%</c>, the fraction 0.6), or text: a label or a withheld mark (<c>≤5</c>, <c>x</c>, <c>..</c>) stays text.
    /// </summary>
    public static (double? Number, bool Percent) Value(string cell)
    {
        var text = cell.Trim();
        if (text.Length == 0 || text.Length != cell.Length)
            return (null, false);
        bool percent = text.EndsWith('%');
        if (percent)
            text = text[..^1];
        if (text.Length == 0 || !(char.IsAsciiDigit(text[0]) || text[0] == '-' && text.Length > 1 && char.IsAsciiDigit(text[1])))
            return (null, false);
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return (null, false);
        return percent ? (number / 100, true) : (number, false);
    }
}
