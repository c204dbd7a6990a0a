namespace Helpline.Analysis.Tests.Loading;

/// <summary>Two loads that give the same: every contact with every value, and every part of the report, in order.</summary>
internal static class SameLoad
{
    public static void Check(RegisterLoad expected, RegisterLoad actual)
    {
        Assert.Equal(expected.Contacts.ToList(), actual.Contacts.ToList());
        var (a, b) = (expected.Report, actual.Report);
        Assert.Equal((a.File, a.Encoding, a.Separator, a.RowsRead, a.RowsKept, a.BlankLines), (b.File, b.Encoding, b.Separator, b.RowsRead, b.RowsKept, b.BlankLines));
        Assert.Equal(a.Rejected, b.Rejected);
        Assert.Equal(a.Duplicates, b.Duplicates);
        Assert.Equal(a.Synonyms, b.Synonyms);
        Assert.Equal(a.OutsideOpeningHours, b.OutsideOpeningHours);
        Assert.Equal(a.IgnoredColumns, b.IgnoredColumns);
    }
}
