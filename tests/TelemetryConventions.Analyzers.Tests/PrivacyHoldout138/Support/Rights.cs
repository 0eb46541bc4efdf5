namespace PressKit.Rights;

/// <summary>A signed release from a person filmed, photographed or quoted. Prints its members.</summary>
public sealed record ReleaseForm(string ReleaseId, string SubjectName, string SubjectEmail, string AssetId, string Scope, DateOnly Expires, bool Minor);

/// <summary>A licence to use an asset. Prints its members.</summary>
public sealed record LicenceGrant(string LicenceId, string AssetId, string Territory, string Usage, DateOnly Until);

/// <summary>The rights registry. Not telemetry.</summary>
public interface IRightsRegistry
{
    Task<ReleaseForm?> FindReleaseAsync(string assetId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LicenceGrant>> LicencesForAsync(string assetId, CancellationToken cancellationToken = default);

    Task RecordAsync(ReleaseForm release, CancellationToken cancellationToken = default);
}

/// <summary>No signed release covers the asset; quotes the person and the asset.</summary>
public sealed class ReleaseMissingException(string assetId, string subjectName)
    : Exception($"No signed release from {subjectName} for asset {assetId}")
{
    public string AssetId { get; } = assetId;
}

/// <summary>The licence has run out; quotes the licence and the date.</summary>
public sealed class LicenceExpiredException(string licenceId, DateOnly until)
    : Exception($"Licence {licenceId} expired on {until:yyyy-MM-dd}")
{
    public string LicenceId { get; } = licenceId;
}
