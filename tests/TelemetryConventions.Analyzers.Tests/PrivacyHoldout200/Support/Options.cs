namespace PrivacyHoldout200.Support;

/// <summary>Names of the sources and meters each lending service owns, and its switches.</summary>
public sealed class LendingTelemetryOptions
{
    public string SourceName { get; init; } = "Lending.Service";

    public string MeterName { get; init; } = "Lending.Service";

    public bool TraceCreditSearches { get; init; } = true;

    public int LargeLoanThreshold { get; init; } = 500_000;

    public string Region { get; init; } = "uk-south";
}
