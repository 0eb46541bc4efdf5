namespace PrivacyHoldout75.Media;

/// <summary>
/// Upgrades viewing-profile documents in place. Profiles are stored in the <c>profiles</c>
/// collection keyed by the profile's id; v1 held the maturity rating as a string and the owner's
/// email, v2 turned the rating into an object, v3 dropped the email. Continue-watching rows are
/// stored in <c>rows</c> keyed by a row id (a GUID) and only move from v1 to v2.
/// </summary>
public sealed class ProfileDocumentUpgrader(
    IDocumentStore store,
    ActivitySource source,
    Meter meter,
    ILogger<ProfileDocumentUpgrader> logger)
{
    private const int LatestProfile = 3;

    private readonly Counter<long> _upgraded = meter.CreateCounter<long>("profiles.documents.upgraded", "{document}");
    private readonly Dictionary<int, int> _byFromVersion = [];
    private string? _lastFailedDocument;

    public async Task UpgradeProfilesAsync(string runId, CancellationToken cancellationToken)
    {
        using var span = source.StartBillmigBatch(runId);
        span.SetBillmigSchemaVersion(LatestProfile).SetBillmigStore("profiles");
        await foreach (var document in store.BelowVersionAsync("profiles", LatestProfile, 200, cancellationToken))
        {
            var from = document.SchemaVersion;
            try
            {
                while (document.SchemaVersion < LatestProfile)
                {
                    Upgrade(document);
                }
                await store.ReplaceAsync(document, cancellationToken);
                _byFromVersion[from] = _byFromVersion.GetValueOrDefault(from) + 1;
                _upgraded.Add(1, new KeyValuePair<string, object?>("from", from), new KeyValuePair<string, object?>("to", LatestProfile)); // clean precision-about
                logger.LogDebug("Upgraded {Document}", document); // leak TC1001 logging-objects
                logger.LogDebug("Upgraded a v{From} profile document, etag {ETag}", from, document.ETag); // clean precision-about
            }
            catch (SchemaUpgradeException ex)
            {
                _lastFailedDocument = document.Id;
                logger.LogWarning(ex, "Profile document stays at v{Version}", document.SchemaVersion); // leak TC1001 exceptions
                span.SetBillmigOutcome("upgrade-failed").SetBillmigNote($"v{ex.From} to v{ex.To}"); // clean exceptions
                span.SetStatus(ActivityStatusCode.Error, string.Format("profiles/{0} stuck at v{1}", document.Id, document.SchemaVersion)); // leak TC1001 strings
            }
        }

        logger.LogInformation("Profiles upgraded by source version: {ByVersion}", _byFromVersion); // clean logging-objects
        logger.LogWarning("Last profile document that failed: {DocumentId}", _lastFailedDocument); // leak TC1001 cross-member
    }

    public async Task UpgradeRowsAsync(string runId, CancellationToken cancellationToken)
    {
        using var span = source.StartBillmigBatch(runId);
        await foreach (var row in store.BelowVersionAsync("rows", 2, 500, cancellationToken))
        {
            row.Body["titles"] = row.Body.GetValueOrDefault("items");
            row.Body.Remove("items");
            row.SchemaVersion = 2;
            await store.ReplaceAsync(row, cancellationToken);
            logger.LogDebug("Upgraded {Document}", row); // clean logging-objects
        }
    }

    private static void Upgrade(PersistedDocument document)
    {
        switch (document.SchemaVersion)
        {
            case 1:
                var maturity = document.Body.GetValueOrDefault("maturity") as string;
                if (maturity is not ("U" or "PG" or "12" or "15" or "18"))
                {
                    throw new SchemaUpgradeException(document.Collection, document.Id, 1, 2, $"unknown maturity '{maturity}'");
                }
                document.Body["maturity"] = new Dictionary<string, object?> { ["rating"] = maturity, ["pinRequired"] = maturity is "15" or "18" };
                document.SchemaVersion = 2;
                break;
            case 2:
                document.Body.Remove("ownerEmail");
                document.SchemaVersion = 3;
                break;
            default:
                throw new SchemaUpgradeException(document.Collection, document.Id, document.SchemaVersion, LatestProfile, "no upgrade path");
        }
    }

    public void CheckProfiles(IReadOnlyList<PersistedDocument> profiles)
    {
        var violations = DataQuality.Check(profiles,
            new QualityRule<PersistedDocument>("name-length", "name", d => d.Body.GetValueOrDefault("name") as string, v => v is { Length: > 0 and <= 20 }),
            new QualityRule<PersistedDocument>("avatar-known", "avatar", d => d.Body.GetValueOrDefault("avatar") as string, v => v is not null && v.StartsWith("av-", StringComparison.Ordinal)));
        foreach (var violation in violations)
        {
            logger.LogWarning("Rule {Rule} failed at row {Row}", violation.Rule, violation.Row); // clean precision-about
            Activity.Current?.AddEvent(new ActivityEvent("profile.quality", tags: new ActivityTagsCollection { ["rule"] = violation.Rule, ["value"] = violation.Value })); // leak TC1001 direct
            logger.LogBillmigMismatchEvent(violation.Rule, "dq-failed", billmigNote: violation.ToString()); // leak TC1001 generated-api
        }
        logger.LogInformation("Avatar violations: {Violations}", violations.Where(v => v.Column == "avatar").ToList()); // clean logging-objects
        logger.LogInformation("Name violations: {Count} (lengths {Lengths})", violations.Count(v => v.Column == "name"), violations.Where(v => v.Column == "name").Select(v => v.Value?.Length ?? 0).ToList()); // clean precision-about
    }
}
