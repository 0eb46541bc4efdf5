namespace PrivacyHoldout209.Support;

/// <summary>Options of the club services, bound from configuration.</summary>
public sealed class ClubOptions
{
    public string ClubCode { get; init; } = "HFC";

    public string Site { get; init; } = "main-ground";

    public int MaxSquadSize { get; init; } = 16;

    public string SafeguardingLeadEmail { get; init; } = "welfare@club.example";
}

/// <summary>Options of the kit shop.</summary>
public sealed class KitShopOptions
{
    public int MaxPrintedNameLength { get; init; } = 12;

    public string Store { get; init; } = "online";
}
