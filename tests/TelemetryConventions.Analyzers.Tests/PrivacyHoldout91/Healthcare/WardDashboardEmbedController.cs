namespace PrivacyHoldout91.Healthcare;

/// <summary>A clinician as the trust's staff directory returns them: the wards they work on.</summary>
public sealed record Clinician(string StaffId, string Name, string UserPrincipalName, IReadOnlyList<string> Wards);

public interface IClinicianDirectory
{
    Task<Clinician> GetAsync(string staffId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Issues embed tokens for the ward dashboard (bed state, acuity, pending discharges) to the clinician who
/// opens it, with row-level security restricted to the clinician's wards, after checking that the
/// dashboard's data set is fresh enough to act on.
/// </summary>
[ApiController]
[Route("api/dashboards/ward")]
public sealed class WardDashboardEmbedController(
    IEmbedClient embed,
    IDatasetCatalog catalog,
    IClinicianDirectory directory,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ReportingOptions options,
    ILogger<WardDashboardEmbedController> logger) : ControllerBase
{
    private static readonly Guid ReportId = Guid.Parse("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");
    private const string DatasetId = "ds-ward-board";

    private readonly Counter<long> _tokens = meter.CreateCounter<long>("wardrpt.embed.tokens", "{token}");

    [HttpGet("embed")]
    public async Task<ActionResult> EmbedAsync(CancellationToken cancellationToken)
    {
        var staffId = HttpContext.User.SubjectId!;
        using var span = source.StartWardrptEmbed("dash-ward-board");
        span.SetWardrptViewerId(pseudonymizer.PseudonymizeWardrptViewerId(staffId)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("report.viewer", staffId); // leak TC1001 direct

        var clinician = await directory.GetAsync(staffId, cancellationToken);
        var filter = $"Ward[Code] IN {{{string.Join(", ", clinician.Wards.Select(w => $"\"{w}\""))}}}";
        span.SetWardrptFilter(filter); // clean strings
        Activity.Current?.SetTag("rls.ward.count", clinician.Wards.Count); // clean precision-about
        logger.LogInformation("Ward board for {Clinician} on {Wards}", clinician.Name, string.Join(",", clinician.Wards)); // leak TC1001 direct

        var refresh = await catalog.GetLastRefreshAsync(DatasetId, cancellationToken);
        var age = DateTimeOffset.UtcNow - refresh.LastRefreshedUtc;
        logger.LogInformation("Ward board data set {Refresh}, {Age} old", refresh, age); // clean logging-objects
        if (age > options.MaxDataAge)
        {
            var stale = new StaleDataException(refresh.Dataset, age, options.MaxDataAge);
            span.RecordException(stale, includeMessage: true); // clean exceptions
            logger.LogWarning(stale, "Serving the ward board from stale data"); // clean exceptions
        }

        var identity = new EffectiveIdentity(clinician.UserPrincipalName, new List<string> { DatasetId }, new List<string> { "WardStaff" }, customData: string.Join(",", clinician.Wards));
        logger.LogDebug("Effective identity {Username} with roles {Roles}", identity.Username, string.Join(",", identity.Roles)); // leak TC1001 direct
        Activity.Current?.SetTag("rls.custom_data", identity.CustomData); // clean cross-member
        var request = new GenerateTokenRequestV2
        {
            Reports = { new GenerateTokenRequestV2Report(ReportId) },
            Datasets = { new GenerateTokenRequestV2Dataset(DatasetId) },
            Identities = { identity },
            LifetimeInMinutes = 60,
        };
        logger.LogDebug("Requesting token {@Request}", request); // leak TC1001 logging-objects

        try
        {
            var report = await embed.GetReportInGroupAsync(options.WorkspaceId, ReportId, cancellationToken);
            var token = await embed.GenerateTokenAsync(request, cancellationToken);
            logger.LogInformation("Embed token {TokenId} expires {Expiry}", token.TokenId, token.Expiration); // clean precision-names
            var config = new EmbedConfig(report.Id, report.EmbedUrl, token.Token, token.Expiration);
            logger.LogDebug("Embed config {Config}", config); // leak TC1001 logging-objects
            Activity.Current?.SetTag("embed.url", report.EmbedUrl);
            _tokens.Add(1, new KeyValuePair<string, object?>("report", "dash-ward-board"), new KeyValuePair<string, object?>("viewer", staffId)); // leak TC1003 direct
            _tokens.Add(1, new KeyValuePair<string, object?>("report", "dash-ward-board"), new KeyValuePair<string, object?>("wards", clinician.Wards.Count));
            return Ok(config);
        }
        catch (EmbedApiException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWardrptReportFailedEvent("dash-ward-board", ex.ErrorCode, wardrptNote: $"{ex.Status} {ex.ErrorCode}"); // clean generated-api
            return BadRequest(ex.ErrorCode);
        }
    }
}
