using System.Globalization;

namespace Helpline.Analysis;

/// <summary>A span of whole days, both ends included.</summary>
public readonly record struct Period(DateOnly Start, DateOnly End)
{
    /// <summary>Every day there is.</summary>
    public static Period All { get; } = new(DateOnly.MinValue, DateOnly.MaxValue);

    /// <summary>The four years answer 232 covers: May 2017 (the helpline's start) to December 2020.</summary>
    public static Period Answer232 { get; } = Months(2017, 5, 2020, 12);

    /// <summary>The window of the answer's unanswered phone calls: 'tussen mei 2017 en november 2020'.</summary>
    public static Period Answer232Phone { get; } = Months(2017, 5, 2020, 11);

    /// <summary>The window of the answer's unanswered chats: from the chat's start, June 2019, to November 2020.</summary>
    public static Period Answer232Chat { get; } = Months(2019, 6, 2020, 11);

    public static Period Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static Period Years(int first, int last) => new(new DateOnly(first, 1, 1), new DateOnly(last, 12, 31));

    public static Period Month(int year, int month) => Months(year, month, year, month);

    /// <summary>From the first day of one month to the last day of another.</summary>
    public static Period Months(int fromYear, int fromMonth, int toYear, int toMonth) =>
        new(new DateOnly(fromYear, fromMonth, 1), new DateOnly(toYear, toMonth, DateTime.DaysInMonth(toYear, toMonth)));

    public static Period Between(DateOnly start, DateOnly end) =>
        end < start ? throw new ArgumentException($"A period cannot end ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).", nameof(end)) : new(start, end);

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public bool Contains(DateTime moment) => Contains(DateOnly.FromDateTime(moment));

    /// <summary>The days both periods share; an empty period (End before Start) when they share none.</summary>
    public Period Intersect(Period other) =>
        new(Start > other.Start ? Start : other.Start, End < other.End ? End : other.End);

    public bool IsEmpty => End < Start;

    public override string ToString()
    {
        if (this == All)
            return "all time";
        var c = CultureInfo.InvariantCulture;
        bool wholeMonths = Start.Day == 1 && End.AddDays(1).Day == 1;
        if (wholeMonths && Start.Month == 1 && End.Month == 12)
            return Start.Year == End.Year ? Start.Year.ToString(c) : $"{Start.Year}-{End.Year}";
        if (wholeMonths)
        {
            string from = Start.ToString("MMMM yyyy", c);
            string to = End.ToString("MMMM yyyy", c);
            return from == to ? from : $"{from} - {to}";
        }
        return $"{Start.ToString("d MMMM yyyy", c)} - {End.ToString("d MMMM yyyy", c)}";
    }
}
