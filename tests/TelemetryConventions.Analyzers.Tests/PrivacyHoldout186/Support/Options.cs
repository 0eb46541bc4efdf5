namespace PrivacyHoldout186.Support;

/// <summary>Settings the pass services read from configuration.</summary>
public sealed class PassServiceOptions
{
    public string SchemeCode { get; init; } = "ENCTS";

    public string OperatorCode { get; init; } = "OP-17";

    public int FreeJourneysPerDay { get; init; } = 6;

    public double StatutoryWalkingDistanceKm { get; init; } = 4.8;

    public TimeSpan ConcessionWindowStart { get; init; } = TimeSpan.FromHours(9.5);

    public byte[] ShardKey { get; init; } = new byte[32];
}
