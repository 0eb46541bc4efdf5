namespace PrivacyHoldout218.Support;

/// <summary>Settings of the library platform's services.</summary>
public sealed class LibraryOptions
{
    public string AuthorityCode { get; init; } = "LA-042";

    public int MaxHolds { get; init; } = 15;

    public int PcSessionMinutes { get; init; } = 60;

    public decimal PrintPricePerPage { get; init; } = 0.15m;

    public required byte[] ShardKey { get; init; }
}
