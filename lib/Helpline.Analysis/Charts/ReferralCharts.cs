using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Helpline.Analysis;

/// <summary>Charts of part 3: referrals to specialised or long-term care.</summary>
public static class ReferralCharts
{
    private static readonly string[] Colours = ["#6b3fa0", "#00798c", "#d1495b", "#edae49", "#8d99ae"];

    /// <summary>Referrals per year, stacked by destination. A suppressed cell is a grey marker labelled as withheld, not a zero.</summary>
    public static GenericChart PerYearByDestination(ProtectedTable perYear)
    {
        var years = perYear.Keys.ToArray();
        var charts = perYear.Columns.Select((destination, j) =>
        {
            var label = Enum.GetValues<Referral>().FirstOrDefault(r => r.Code() == destination).Label();
            return CSharpChart.Column<int, string, string>(years.Select((_, i) => perYear.Shown(i, j) ?? 0), Keys: years, Name: label,
                MarkerColor: Theme.Color(Colours[j % Colours.Length]));
        }).ToList();
        var withheld = years.SelectMany((year, i) => perYear.Columns.Select((destination, j) => (year, i, j, destination)))
            .Where(c => perYear.States[c.i, c.j] != CellState.Shown).ToList();
        if (withheld.Count > 0)
        {
            var marker = CSharpChart.Point<string, int, string>(withheld.Select(c => c.year), withheld.Select(_ => 0), Name: "withheld (≤ threshold, or x)",
                MarkerColor: Theme.Color(Theme.Suppressed), MultiText: withheld.Select(c => $"{c.destination}: withheld").ToArray());
            charts.Add(marker);
        }
        return ChartLayout.Style(CSharpChart.Combine(charts), "Referrals per year by destination", "Year", "Help-seekers referred", barMode: "stack", categoryX: true);
    }
}
