namespace Helpline.Analysis;

/// <summary>Each contact of a register placed once on every axis the audit reasons about.</summary>
internal sealed class ContactAxes
{
    public ContactAxes(RegisterColumns r)
    {
        int n = r.Count;
        Count = n;
        Month = new int[n];
        Day = new int[n];
        Weekday = new byte[n];
        Hour = new byte[n];
        Caller = new byte[n];
        for (int p = 0; p < n; p++)
        {
            long ticks = r.Ticks[p];
            var moment = new DateTime(ticks);
            Month[p] = moment.Year * 12 + moment.Month - 1;
            Day[p] = (int)(ticks / TimeSpan.TicksPerDay);
            Weekday[p] = (byte)(ticks / TimeSpan.TicksPerDay % 7);
            Hour[p] = (byte)(ticks / TimeSpan.TicksPerHour % 24);
            Caller[p] = (byte)Breakdown.CallerClass(r, p);
        }
        Channel = r.Channel;
        Outcome = r.Outcome;
        Requester = r.Requester;
        Gender = r.Gender;
        AgeBand = r.AgeBand;
        Referral = r.Referral;
    }

    public int Count { get; }

    /// <summary>year × 12 + month - 1.</summary>
    public int[] Month { get; }

    /// <summary>Day number (DateOnly.DayNumber).</summary>
    public int[] Day { get; }

    /// <summary>0 Monday ... 6 Sunday.</summary>
    public byte[] Weekday { get; }

    public byte[] Hour { get; }

    /// <summary>0 new, 1 known, 2 no key.</summary>
    public byte[] Caller { get; }

    public byte[] Channel { get; }

    public byte[] Outcome { get; }

    public byte[] Requester { get; }

    public byte[] Gender { get; }

    public byte[] AgeBand { get; }

    public byte[] Referral { get; }
}
