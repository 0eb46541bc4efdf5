namespace PrivacyHoldout193.Support;

/// <summary>The sexual health platform settings the services bind from configuration.</summary>
public sealed class SexualHealthOptions
{
    public string Site { get; init; } = "SHS-CENTRAL";

    public string LabProvider { get; init; } = "pathlink";

    public int ResultTextRetryLimit { get; init; } = 3;

    public int YoungPersonAgeLimit { get; init; } = 25;

    public int SafeguardingReviewAge { get; init; } = 16;

    public bool SendResultsByText { get; init; } = true;
}

/// <summary>Identifier spaces the services pseudonymise people in.</summary>
public static class Spaces
{
    public const string Client = "client";

    public const string Partner = "partner";

    public const string Staff = "staff";
}
