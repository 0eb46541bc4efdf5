namespace PrivacyHoldout204.Support;

/// <summary>Identifier spaces the services pseudonymise people in.</summary>
public static class Spaces
{
    public const string Client = "client";

    public const string Volunteer = "volunteer";

    public const string Donor = "donor";
}

/// <summary>Settings the services read from configuration.</summary>
public sealed class CharityOptions
{
    public string FoodbankName { get; init; } = "Riverside Foodbank";

    public string WarehouseId { get; init; } = "WH-NORTH";

    public int MaxParcelsPerReferral { get; init; } = 3;

    public int VoucherValidityDays { get; init; } = 14;

    public decimal GiftAidRate { get; init; } = 0.25m;

    public string GrantFundCode { get; init; } = "HSF-2025";

    public required byte[] ShardKey { get; init; }
}
