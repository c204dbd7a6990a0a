namespace Helpline.Analysis;

/// <summary>Part 3 of the answer: help-seekers referred to specialised or long-term care.</summary>
public static class ReferralTables
{
    /// <summary>Referrals per year by destination.</summary>
    public static CountTable PerYearByDestination(Register register) =>
        register.Answered().Referred().CountBy(Breakdown.Year, Breakdown.Referral);

    /// <summary>Referrals by type of help request and destination.</summary>
    public static CountTable ByRequesterAndDestination(Register register) =>
        register.Answered().Referred().CountBy(Breakdown.Requester, Breakdown.Referral);

    /// <summary>Referrals in a period by type of help request, with each type's share.</summary>
    public static SharedCountTable ByRequester(Register register, Period period) =>
        register.Answered().Referred().In(period).CountBy(Breakdown.Requester).WithShares();
}
