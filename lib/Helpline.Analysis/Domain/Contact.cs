namespace Helpline.Analysis;

/// <summary>One contact attempt of the register, answered or not, as cleaned by the loader.</summary>
/// <param name="ReceivedAt">Local time, Europe/Brussels.</param>
/// <param name="CallerKey">The key of the number that called, when known. A register keeps no identifier: its rows show a
/// pseudonym instead, <c>caller 17</c> for the 17th different caller to get in touch.</param>
/// <param name="IsNewCaller">True when <paramref name="CallerKey"/> appears in no earlier row of the whole register.</param>
/// <param name="SourceLine">Line of the source file the contact was read from (1-based), for reports.</param>
public readonly record struct Contact(
    DateTime ReceivedAt,
    Channel Channel,
    Outcome Outcome,
    Requester Requester = Requester.Unknown,
    Gender Gender = Gender.Unknown,
    AgeBand AgeBand = AgeBand.Unknown,
    Referral Referral = Referral.None,
    string? CallerKey = null,
    bool IsNewCaller = false,
    int SourceLine = 0)
{
    /// <summary>Busy or closed: the helpline could not take the contact.</summary>
    public bool IsMissed => Outcome is Outcome.Busy or Outcome.Closed;

    /// <summary>Says what it is without its values: printed in a notebook, a row would reach the page.</summary>
    public override string ToString() => $"a register row from line {SourceLine} (values not shown: raw rows never reach a page)";
}
