using Plotly.NET;

namespace Helpline.Analysis;

/// <summary>One look for every chart: the same colour for a channel or a requester type on every page.</summary>
public static class Theme
{
    public const string Font = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

    public static string ColourOf(Channel channel) => channel switch
    {
        Channel.Phone => "#1f5f99",
        Channel.Chat => "#e08a1e",
        _ => "#3a9a6b",
    };

    public static string ColourOf(Requester requester) => requester switch
    {
        Requester.Self => "#6b3fa0",
        Requester.CloseEnvironment => "#d1495b",
        Requester.WiderEnvironment => "#edae49",
        Requester.Professional => "#00798c",
        Requester.Other => "#8d99ae",
        _ => "#c9ccd1",
    };

    public static string ColourOf(Outcome outcome) => outcome switch
    {
        Outcome.Answered => "#3a9a6b",
        Outcome.Busy => "#d1495b",
        _ => "#4d5566",
    };

    public static string ColourOf(Site site) => site == Site.Website ? "#1f5f99" : "#6b3fa0";

    /// <summary>The colour of a suppressed cell: shown as such, never as zero.</summary>
    public const string Suppressed = "#b8bcc4";

    public static Color Color(string hex) => Plotly.NET.Color.fromHex(hex);
}
