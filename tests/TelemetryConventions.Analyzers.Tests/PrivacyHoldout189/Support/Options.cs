namespace PrivacyHoldout189.Support;

/// <summary>Settings every prison service reads from its configuration.</summary>
public sealed class EstablishmentOptions
{
    public string EstablishmentCode { get; init; } = "HMP-NORTHGATE";

    public string Region { get; init; } = "north-east";

    public string SupplierName { get; init; } = "monitoring-contractor";

    public int MaxVisitorsPerSlot { get; init; } = 3;

    public decimal WeeklySpendsLimit { get; init; } = 25.50m;
}
