namespace PrivacyHoldout185.Support;

/// <summary>The language services platform settings the services bind from configuration.</summary>
public sealed class LanguageServiceOptions
{
    public string Site { get; init; } = "HUB";

    public string Agency { get; init; } = "lingua-partners";

    public int MinimumBookingMinutes { get; init; } = 30;

    public decimal RatePerHour { get; init; } = 32.50m;

    public int CancellationNoticeHours { get; init; } = 48;

    public bool TraceInterpreterIds { get; init; }
}

/// <summary>Identifier spaces the services pseudonymise people in.</summary>
public static class Spaces
{
    public const string Client = "client";

    public const string Interpreter = "interpreter";
}
