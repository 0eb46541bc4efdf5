namespace PrivacyHoldout216.Support;

/// <summary>Settings the ride services read from configuration.</summary>
public sealed class RideSchemeOptions
{
    public string SchemeCode { get; init; } = "city-ride";

    public int MinimumRiderAge { get; init; } = 18;

    public int MaxFinesBeforeBan { get; init; } = 3;

    public TimeSpan ParkingPhotoWindow { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>Identifier spaces of the people pseudonymised by hand.</summary>
public static class RideDomains
{
    public const string Rider = "rider";

    public const string Juicer = "juicer";
}
