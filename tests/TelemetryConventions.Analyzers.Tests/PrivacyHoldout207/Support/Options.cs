namespace PrivacyHoldout207.Support;

/// <summary>Settings of the hearing and eye care services, bound from configuration.</summary>
public sealed class CareOptions
{
    public string ClinicCode { get; init; } = "RX1-AUD";

    public string DutyDeskPhone { get; init; } = "0300 123 4567";

    public string SupplierName { get; init; } = "ClearLens Wholesale";

    public int MaxVisitsPerRound { get; init; } = 8;

    public TimeSpan SupplierTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public string Region { get; init; } = "north-west";
}
