namespace Helpline.Analysis.Tests;

/// <summary>The repository's shipped data, loaded once for all tests.</summary>
internal static class Shipped
{
    private static readonly Lazy<RegisterLoad> LoadedRegister = new(() => RegisterCsv.Load(DataPaths.Default.Register));
    private static readonly Lazy<WebStatisticsLoad> LoadedWeb = new(() => WebStatisticsCsv.Load(DataPaths.Default.WebVisits));
    private static readonly Lazy<PublishedFigures> LoadedFigures = new(() => PublishedFigures.Load());
    private static readonly Lazy<OpeningHours> LoadedHours = new(OpeningHours.Shipped);

    public static Register Register => LoadedRegister.Value.Contacts;

    public static CleaningReport RegisterReport => LoadedRegister.Value.Report;

    public static WebStatistics Web => LoadedWeb.Value.Visits;

    public static PublishedFigures Figures => LoadedFigures.Value;

    public static OpeningHours Hours => LoadedHours.Value;
}
