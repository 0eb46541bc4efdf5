namespace PrivacyHoldout182.Support;

/// <summary>The counter platform settings the services bind from configuration.</summary>
public sealed class CounterOptions
{
    public string Branch { get; init; } = "HQ";

    public decimal MaxLoanWithoutReferral { get; init; } = 2500m;

    public int PledgeTermDays { get; init; } = 183;

    public int PoliceHoldDays { get; init; } = 14;

    public string StolenRegister { get; init; } = "checkmend";

    public bool TraceSellerIds { get; init; }
}
