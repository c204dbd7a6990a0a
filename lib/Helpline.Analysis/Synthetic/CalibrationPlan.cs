namespace Helpline.Analysis;

/// <summary>
/// The totals the synthetic register is made to reproduce exactly, each traced to a published figure
/// (<c>data/published/figures.csv</c>), and the assumptions that fill in what no source gives.
/// </summary>
internal static class CalibrationPlan
{
    public static readonly DateOnly Start = new(2017, 5, 19);   // HLN: the line opened on 19 May 2017
    public static readonly DateOnly End = new(2023, 12, 31);
    public static readonly DateOnly ChatStart = new(2019, 6, 1); // answer 1a
    public static readonly DateOnly SelfHelpStart = new(2018, 12, 14);

    /// <summary>Answered contacts per year and channel (phone, chat, e-mail). Year totals: b.contacts_2017..2023;
    /// 2023 channels: b.phone_2023, b.chat_2023, b.email_2023; 2022 phone 167 = 47% of 356 (b.phone_share_2022).
    /// The channel split of other years is assumed.</summary>
    public static readonly Dictionary<int, (int Phone, int Chat, int Email)> Answered = new()
    {
        [2017] = (240, 0, 85),
        [2018] = (300, 0, 147),
        [2019] = (160, 45, 76),
        [2020] = (190, 110, 150),
        [2021] = (180, 80, 150),
        [2022] = (167, 60, 129),
        [2023] = (220, 64, 184),
    };

    /// <summary>Answered contacts per year by requester: self, close environment, wider environment, professional, other.
    /// 2017-2020 add up to 797 / 361 / 120 / 225 of 1,503 (53% / 24% / 8% / 15%, b.requester_*_2017_2020, the 'other'
    /// group holding wider environment and other); 2018 self 241 = 54% (b.self_share_2018); 2020 carries the shift
    /// to the close environment (answer 1b); 2022 self 185 = 52%; 2023 self 183 = 39%, close 140 = 30%,
    /// professional 42 = 9% (b.*_share_2023).</summary>
    public static readonly Dictionary<int, int[]> Requesters = new()
    {
        [2017] = [185, 65, 13, 26, 36],
        [2018] = [241, 94, 18, 36, 58],
        [2019] = [155, 59, 11, 22, 34],
        [2020] = [216, 143, 15, 36, 40],
        [2021] = [205, 110, 16, 33, 46],
        [2022] = [185, 92, 14, 28, 37],
        [2023] = [183, 140, 23, 42, 80],
    };

    /// <summary>Referrals per year and how many of them were people worried about themselves: 195 and 127 to end 2020
    /// (a3.referrals, a3.referrals_self); 2022: 64 = 18% of 356 (b.referred_share_2022).</summary>
    public static readonly Dictionary<int, (int All, int Self)> Referrals = new()
    {
        [2017] = (40, 27),
        [2018] = (60, 40),
        [2019] = (40, 26),
        [2020] = (55, 34),
        [2021] = (58, 35),
        [2022] = (64, 38),
        [2023] = (72, 40),
    };

    /// <summary>The window of answer 2: May 2017 to November 2020 (chat: June 2019 to November 2020).</summary>
    public static readonly DateOnly Answer2End = new(2020, 11, 30);

    /// <summary>Missed contacts: per window of answer 2 (a2.*), and per later period (assumed).</summary>
    public static readonly (DateOnly From, DateOnly To, int PhoneBusy, int PhoneClosed, int ChatBusy, int ChatClosed)[] Missed =
    [
        // Busy calls were mostly before the chat opened: 'sedert de introductie van de chat ... nauwelijks nog'.
        (Start, new DateOnly(2019, 5, 31), 155, 0, 0, 0),
        (ChatStart, Answer2End, 9, 0, 713, 3823),
        (Start, Answer2End, 0, 1961, 0, 0),
        (new DateOnly(2020, 12, 1), new DateOnly(2020, 12, 31), 0, 40, 30, 200),
        // 2022: about 8 calls a week missed because of the limited hours (b.missed_per_week_2022).
        (new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31), 3, 450, 320, 2300),
        (new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), 2, 416, 280, 2100),
        (new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), 3, 400, 300, 2200),
    ];

    /// <summary>60% of the missed phone contacts of answer 2 come from a new number (a2.new_number_share).</summary>
    public const double NewNumberShare = 0.60;

    /// <summary>Website visitors per year (a5.website_2017..2020; 2021-2023 assumed).</summary>
    public static readonly Dictionary<int, int> Website = new()
    {
        [2017] = 3343,
        [2018] = 13191,
        [2019] = 35178,
        [2020] = 28980,
        [2021] = 31250,
        [2022] = 30400,
        [2023] = 36900,
    };

    /// <summary>Self-help visitors and returning visitors: 5,492 and 628 from 14 December 2018 to end 2020
    /// (a4.selfhelp_visitors, a4.selfhelp_returning); later years assumed.</summary>
    public static readonly (DateOnly From, DateOnly To, int Visitors, int Returning)[] SelfHelp =
    [
        (SelfHelpStart, new DateOnly(2020, 12, 31), 5492, 628),
        (new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31), 2400, 280),
        (new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), 2300, 270),
        (new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), 2500, 300),
    ];

    /// <summary>The published figures the synthetic register reproduces exactly (or, for shares, to the published rounding).</summary>
    public static readonly string[] CalibratedFigureKeys =
    [
        "a2.phone_busy", "a2.phone_closed", "a2.new_number_share", "a2.chat_busy", "a2.chat_closed",
        "a3.referrals", "a3.referrals_self", "a4.selfhelp_visitors", "a4.selfhelp_returning",
        "a5.website_2017", "a5.website_2018", "a5.website_2019", "a5.website_2020", "a5.website_total",
        "b.contacts_2017", "b.contacts_2018", "b.contacts_2019", "b.contacts_2020", "b.contacts_2021", "b.contacts_2022", "b.contacts_2023",
        "b.contacts_2017_2020", "b.contacts_2017_2023",
        "b.requester_self_2017_2020", "b.requester_close_2017_2020", "b.requester_professional_2017_2020", "b.requester_other_2017_2020",
        "b.self_share_2018", "b.phone_share_2022", "b.self_share_2022", "b.referred_share_2022",
        "b.phone_2023", "b.email_2023", "b.chat_2023", "b.self_share_2023", "b.close_share_2023", "b.professional_share_2023",
        "b.website_2018_rounded", "b.unanswered_since_start", "b.missed_per_week_2022",
    ];

    /// <summary>Relative interest per month: a seasonal shape times the campaign and media moments the sources mention.</summary>
    public static double Interest(int year, int month)
    {
        double[] season = [1.0, 1.0, 1.05, 1.05, 1.0, 0.95, 0.85, 0.85, 1.0, 1.05, 1.1, 0.95];
        double weight = season[month - 1] * (year switch { 2017 => 1.0, 2018 => 1.0, 2019 => 0.95, 2020 => 1.05, _ => 1.0 });
        weight *= (year, month) switch
        {
            (2017, 5) => 13.0 / 31 * 1.8, // opened on the 19th, with launch coverage
            (2017, 6) => 1.5,
            (2018, 3) => 1.4,  // VTM / HLN, March 2018
            (2018, 5) => 1.2,  // first anniversary coverage
            (2018, 12) => 1.25, // self-help module launched
            (2019, 3) => 1.3,
            (2019, 10) => 1.3, // awareness campaign
            (2019, 11) => 1.35,
            (2020, 4) => 1.35, // first lockdown
            (2020, 5) => 1.3,
            (2021, 2) => 1.2,
            (2023, 2) => 1.3,
            _ => 1.0,
        };
        return weight;
    }

    /// <summary>Website interest: the same moments, with a stronger campaign peak (visits follow campaigns: answer 4).</summary>
    public static double WebInterest(int year, int month) => Interest(year, month) * (year, month) switch
    {
        (2019, 10) => 2.6,
        (2019, 11) => 1.6,
        (2019, 3) => 1.4,
        (2018, 3) => 1.5,
        (2023, 2) => 1.8,
        _ => 1.0,
    };
}
