namespace PrivacyHoldout104.Education;

/// <summary>
/// SchoolHub resolves a school from the <c>X-School-Urn</c> header its MIS connector sends, or from the
/// route (<c>/schools/{urn}/…</c>) of the teacher app, then loads the school's settings and limits.
/// </summary>
public sealed class SchoolTenantMiddleware(
    IMultiTenantStore<TenantInfo> schools,
    ITenantSettingsStore settings,
    Pseudonymizer pseudonymizer,
    ILogger<SchoolTenantMiddleware> logger)
{
    private static readonly ActivitySource Source = new("SchoolHub.Tenancy");
    private static readonly Meter Meter = new("SchoolHub.Tenancy");
    private static readonly SchoolhubResolutionDurationHistogram Resolution = Meter.CreateSchoolhubResolutionDurationHistogram();
    private static readonly Counter<long> QuotaRefusals = Meter.CreateCounter<long>("schoolhub.quota.refusals");

    private readonly IMultiTenantStrategy _header = new HeaderStrategy("X-School-Urn");
    private readonly IMultiTenantStrategy _route = new RouteStrategy("urn");

    public async Task<TenantInfo?> InvokeAsync(TenantRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var strategy = request.Headers.ContainsKey("X-School-Urn") ? _header : _route;
        var urn = await strategy.GetIdentifierAsync(request);
        var school = urn is null ? null : await schools.TryGetByIdentifierAsync(urn);
        Resolution.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, strategy.Name, school is null ? "unknown_tenant" : "resolved"); // clean generated-api
        if (school is null)
        {
            var notFound = new TenantNotFoundException(urn ?? "-", strategy.Name);
            Activity.Current?.AddException(notFound); // clean exceptions
            return null;
        }

        using var span = Source.StartSchoolhubTenantRequest(school.Id, strategy.Name);
        span.SetSchoolhubTenantPlan(school.Plan); // clean generated-api
        var teacherId = request.User.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (teacherId is not null)
        {
            span.SetSchoolhubUserId(pseudonymizer.PseudonymizeSchoolhubUserId(teacherId)); // clean precision-pseudonym
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["SchoolUrn"] = school.Identifier, ["TeacherId"] = teacherId }); // leak TC1001 logging-objects
            logger.LogDebug("Teacher request {Path}", request.Path);
        }

        var studentNumber = request.RouteValues.TryGetValue("studentNumber", out var sn) ? sn : null;
        if (studentNumber is not null)
        {
            span.Activity?.SetTag("schoolhub.student", studentNumber); // leak TC1001 direct
            span.Activity?.SetTag("schoolhub.student.present", true); // clean precision-about
        }

        var schoolSettings = await settings.GetAsync(school.Id);
        logger.LogDebug("Loaded {Settings}", schoolSettings); // clean logging-objects
        logger.LogDebug("MIS sync provider {Provider}, template {EmailTemplateId}", schoolSettings["mis.provider"], schoolSettings["parentmail.template_id"]); // clean precision-names
        span.Activity?.SetTag("schoolhub.safeguarding.lead", schoolSettings["safeguarding.lead_email"]); // leak TC1001 cross-member
        span.Activity?.SetTag("schoolhub.safeguarding.lead_set", schoolSettings["safeguarding.lead_email"] is not null); // clean precision-about
        logger.LogTrace("School settings {Values}", schoolSettings.Values); // leak TC1001 logging-objects

        try
        {
            var cap = int.Parse(schoolSettings["exports.daily_cap"] ?? "50", CultureInfo.InvariantCulture);
            span.Activity?.SetTag("schoolhub.exports.daily_cap", cap); // clean precision-names
        }
        catch (FormatException)
        {
            var invalid = new InvalidTenantSettingException(school.Id, "exports.daily_cap", schoolSettings["exports.daily_cap"]!);
            logger.LogWarning(invalid, "Ignoring bad setting for school {Urn}", school.Identifier); // clean exceptions
        }

        var limits = await settings.GetLimitsAsync(school.Id);
        if (request.Path.StartsWith("/api/", StringComparison.Ordinal) && limits.RequestsPerMinute == 0)
        {
            var quota = new TenantQuotaExceededException(school.Id, "api_requests", limits.RequestsPerMinute, 1);
            span.SetStatus(ActivityStatusCode.Error, quota.Message); // clean exceptions
            QuotaRefusals.Add(1, new KeyValuePair<string, object?>("schoolhub.tenant.id", school.Id), new KeyValuePair<string, object?>("limit", quota.Limit)); // clean precision-names
            QuotaRefusals.Add(1, new KeyValuePair<string, object?>("schoolhub.user.id", teacherId)); // leak TC1003 direct
            return null;
        }

        return school;
    }
}
