using Microsoft.Data.Analysis;

namespace Helpline.Analysis;

/// <summary>Part 3 of the answer: help-seekers referred to specialised or long-term care.</summary>
public static class ReferralTables
{
    /// <summary>Referrals per year by destination: <c>year</c>, one column per destination, <c>total</c>.</summary>
    public static DataFrame PerYearByDestination(Register register)
    {
        var frame = register.Answered().Referred().CountBy(Breakdown.Year, Breakdown.Referral);
        frame.Columns.Remove("none");
        return frame;
    }

    /// <summary>Referrals by type of help request and destination: <c>requester</c>, one column per destination, <c>total</c>.</summary>
    public static DataFrame ByRequesterAndDestination(Register register)
    {
        var frame = register.Answered().Referred().CountBy(Breakdown.Requester, Breakdown.Referral);
        frame.Columns.Remove("none");
        return frame;
    }

    /// <summary>Referrals in a period by type of help request: <c>requester</c>, <c>label</c>, <c>referred</c>, <c>share</c>.</summary>
    public static DataFrame ByRequester(Register register, Period period) =>
        Frames.ByRequester(register.Answered().Referred().In(period), "referred");
}
