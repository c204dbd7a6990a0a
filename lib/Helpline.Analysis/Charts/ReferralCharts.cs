using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Helpline.Analysis;

/// <summary>Charts of part 3: referrals to specialised or long-term care.</summary>
public static class ReferralCharts
{
    private static readonly string[] Colours = ["#6b3fa0", "#00798c", "#d1495b", "#edae49", "#8d99ae"];

    /// <summary>Referrals per year, stacked by destination. What the gate withholds is one grey, hatched segment a
    /// year, labelled as withheld: never a bar of its own, never a zero.</summary>
    public static Figure PerYearByDestination(CountTable perYear) => new("Referrals per year by destination", [perYear], release =>
    {
        var years = perYear.RowKeys.ToArray();
        var charts = perYear.ColumnKeys.Select((destination, j) =>
        {
            var label = Enum.GetValues<Referral>().First(r => r.Code() == destination).Label();
            var column = perYear.Column(destination);
            var chart = CSharpChart.Column<int, string, string>(column.Select(t => Withheld.Height(release, t) ?? 0), Keys: years, Name: label,
                MarkerColor: Theme.Color(Colours[j % Colours.Length]));
            GenericChart.getTraces(chart).Single().SetProperty("y", column.Select(t => Withheld.Height(release, t)).ToArray());
            return chart;
        }).ToList();
        if (Withheld.Rest(release, perYear, years) is { } rest)
            charts.Add(rest);
        return ChartLayout.Style(CSharpChart.Combine(charts), "Referrals per year by destination", "Year", "Help-seekers referred", barMode: "stack", categoryX: true);
    });
}
