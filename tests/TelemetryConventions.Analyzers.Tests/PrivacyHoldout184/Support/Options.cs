namespace PrivacyHoldout184.Support;

/// <summary>The property platform settings the services bind from configuration.</summary>
public sealed class PropertyOptions
{
    public string Desk { get; init; } = "central";

    public int HoldDays { get; init; } = 90;

    public decimal CourierFeeCap { get; init; } = 25m;

    public string BlockingListProvider { get; init; } = "gsma";

    public int ClaimExcessPounds { get; init; } = 75;

    public bool TraceOwnerIds { get; init; }
}
