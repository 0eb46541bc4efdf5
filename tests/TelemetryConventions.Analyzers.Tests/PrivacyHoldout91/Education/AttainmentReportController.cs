using ReportKit.Caching;

namespace PrivacyHoldout91.Education;

/// <summary>The typed parameters of the per-student attainment report. Prints its members.</summary>
public sealed record StudentReportParameters(string StudentNumber, string Term, bool IncludeTargets);

/// <summary>The typed parameters of the class attainment report. Prints its members.</summary>
public sealed record ClassReportParameters(string ClassCode, string Term, RenderFormat Format);

/// <summary>The portal's own check of a report parameter; quotes the value it refused.</summary>
public sealed class ReportParameterValidationException(string parameter, string value)
    : Exception($"Report parameter {parameter} has an invalid value '{value}'")
{
    public string Parameter { get; } = parameter;
}

/// <summary>
/// Attainment reports for teachers and heads of year: one student's report (PDF, for parents' evening)
/// and a class's report (CSV or Excel), rendered by the report server and cached by their parameters.
/// </summary>
[ApiController]
[Route("api/reports/attainment")]
public sealed class AttainmentReportController(
    IReportExecutionService reports,
    IReportCache cache,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ReportingOptions options,
    ILogger<AttainmentReportController> logger) : ControllerBase
{
    private readonly Counter<long> _cacheLookups = meter.CreateCounter<long>("attainrpt.cache.lookups", "{lookup}");

    [HttpGet("student")]
    public async Task<ActionResult> StudentAsync(StudentReportParameters parameters, CancellationToken cancellationToken)
    {
        using var span = source.StartAttainrptRender("rpt-student-attainment", "pdf");
        span.SetAttainrptStudentId(pseudonymizer.PseudonymizeAttainrptStudentId(parameters.StudentNumber)); // clean precision-pseudonym
        logger.LogInformation("Student attainment report {Parameters}", parameters); // leak TC1001 logging-objects
        logger.LogInformation("Student attainment report for term {Term}, targets {Targets}", parameters.Term, parameters.IncludeTargets); // clean precision-names
        try
        {
            Validate(parameters);
        }
        catch (ReportParameterValidationException ex)
        {
            logger.LogWarning(ex, "Rejected a student report request"); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, $"invalid {ex.Parameter}"); // clean exceptions
            return BadRequest(ex.Parameter);
        }

        var values = new Dictionary<string, string> { ["StudentNumber"] = parameters.StudentNumber, ["Term"] = parameters.Term, ["Targets"] = parameters.IncludeTargets ? "1" : "0" };
        var cacheKey = ReportCacheKey.For("rpt-student-attainment", values);
        span.SetAttainrptCacheKey(cacheKey); // leak TC1001 generated-api
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cacheKey)))[..16];
        Activity.Current?.SetTag("report.cache.digest", digest); // leak TC1002 hashes

        if (cache.TryGet(cacheKey, out var cached))
        {
            _cacheLookups.Add(1, new KeyValuePair<string, object?>("report", "rpt-student-attainment"), new KeyValuePair<string, object?>("hit", true));
            return Ok(cached);
        }

        var pdf = await reports.RenderAsync("/Attainment/Student", values.Select(v => new ReportParameter(v.Key, v.Value)), RenderFormat.Pdf, cancellationToken);
        cache.Set(cacheKey, pdf, options.CacheLifetime);
        var fileName = $"{parameters.StudentNumber}_{parameters.Term}_attainment.pdf";
        logger.LogInformation("Generated {FileName}", fileName); // leak TC1001 strings
        logger.LogInformation("Generated {Pages} pages, {Warnings} warnings", pdf.PageCount, pdf.Warnings.Count);
        return Ok(pdf);
    }

    private static void Validate(StudentReportParameters parameters)
    {
        if (parameters.StudentNumber.Length != 8 || !parameters.StudentNumber.All(char.IsAsciiDigit))
        {
            throw new ReportParameterValidationException(nameof(parameters.StudentNumber), parameters.StudentNumber);
        }
    }

    [HttpGet("class")]
    public async Task<ActionResult> ClassAsync(ClassReportParameters parameters, CancellationToken cancellationToken)
    {
        using var span = source.StartAttainrptRender("rpt-class-attainment", RenderFormats.Extension(parameters.Format));
        span.SetAttainrptClass(parameters.ClassCode); // clean precision-names
        logger.LogInformation("Class attainment report {Parameters}", parameters); // clean logging-objects

        var values = new Dictionary<string, string> { ["ClassCode"] = parameters.ClassCode, ["Term"] = parameters.Term };
        var cacheKey = ReportCacheKey.For("rpt-class-attainment", values);
        span.SetAttainrptCacheKey(cacheKey); // clean precision-names
        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(cacheKey)))[..4];
        Activity.Current?.SetTag("report.cache.shard", shard); // clean hashes

        if (cache.TryGet(cacheKey, out var cached))
        {
            _cacheLookups.Add(1, new KeyValuePair<string, object?>("report", "rpt-class-attainment"), new KeyValuePair<string, object?>("hit", true));
            return Ok(cached);
        }

        try
        {
            var file = await reports.RenderAsync("/Attainment/Class", values.Select(v => new ReportParameter(v.Key, v.Value)), parameters.Format, cancellationToken);
            cache.Set(cacheKey, file, options.CacheLifetime);
            logger.LogInformation("Generated class-{Class}-{Term}.{Extension}", parameters.ClassCode, parameters.Term, file.Extension); // clean precision-names
            span.SetAttainrptOutcome("rendered");
            return Ok(file);
        }
        catch (ReportServerException ex)
        {
            span.RecordException(ex, includeMessage: true).SetStatus(ActivityStatusCode.Error, ex.ErrorCode); // clean exceptions
            logger.LogAttainrptReportFailedEvent("rpt-class-attainment", ex.ErrorCode, attainrptNote: ex.Message); // clean generated-api
            return BadRequest(ex.ErrorCode);
        }
    }
}
