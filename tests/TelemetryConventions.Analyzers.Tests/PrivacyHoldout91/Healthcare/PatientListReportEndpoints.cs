using System.Net.Http.Headers;

namespace PrivacyHoldout91.Healthcare;

/// <summary>
/// The EPR's reporting tab: the ward patient list (a ward and a date, CSV or HTML) and the single-patient
/// summary (a hospital number, PDF), rendered by the report server from query-string parameters, with
/// drill-through links from a list row to the patient's summary.
/// </summary>
public sealed partial class PatientListReportEndpoints(
    IReportExecutionService reports,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ReportingOptions options,
    ILogger<PatientListReportEndpoints> logger)
{
    private const string ListPath = "/Clinical/WardPatientList";
    private const string SummaryPath = "/Clinical/PatientSummary";

    private readonly Counter<long> _exports = meter.CreateCounter<long>("wardrpt.exports", "{file}", "Report files served to the EPR.");

    public void Map(EndpointRoutes routes)
    {
        routes.MapGet("/reports/patient-list", PatientListAsync);
        routes.MapGet("/reports/patient-summary", PatientSummaryAsync);
    }

    // GET /reports/patient-list?ward=W-7B&asAt=2024-05-02&format=csv
    public async Task<ActionResult> PatientListAsync(ReportHttpRequest request, CancellationToken cancellationToken)
    {
        var ward = request.Query["ward"];
        var format = Enum.TryParse<RenderFormat>(request.Query["format"], ignoreCase: true, out var parsed) ? parsed : RenderFormat.Html;
        var asAt = request.Query.TryGetValue("asAt", out var day) ? day : DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var span = source.StartWardrptRender("rpt-ward-patient-list", RenderFormats.Extension(format));
        span.SetWardrptWard(ward); // clean precision-names
        Activity.Current?.SetTag("url.query", request.QueryString); // clean strings
        LogListRequested(logger, ward, asAt, string.Join(",", request.Query.Keys)); // clean precision-names

        var parameters = new List<ReportParameter> { new("Ward", ward), new("AsAt", asAt) };
        var stopwatch = Stopwatch.StartNew();
        var result = await reports.RenderAsync(ListPath, parameters, format, cancellationToken);
        meter.CreateWardrptRenderDurationHistogram().Record(stopwatch.Elapsed.TotalSeconds, "rpt-ward-patient-list", RenderFormats.Extension(format));
        logger.LogDebug("Rendered {Path} with {Parameters}", ListPath, parameters); // clean logging-objects

        var fileName = $"patient-list-{ward}-{asAt}.{result.Extension}";
        logger.LogInformation("Serving {FileName} ({Bytes} bytes, {Pages} pages)", fileName, result.Content.Length, result.PageCount); // clean precision-names
        _exports.Add(1, new KeyValuePair<string, object?>("format", result.Extension), new KeyValuePair<string, object?>("ward", ward)); // clean precision-names
        return new OkResult(result);
    }

    // GET /reports/patient-summary?mrn=RX0042917&allergies=true
    public async Task<ActionResult> PatientSummaryAsync(ReportHttpRequest request, CancellationToken cancellationToken)
    {
        var hospitalNumber = request.Query["mrn"];
        using var span = source.StartWardrptRender("rpt-patient-summary", "pdf");
        span.SetWardrptPatientId(pseudonymizer.PseudonymizeWardrptPatientId(hospitalNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("url.query", request.QueryString); // leak TC1001 strings
        Activity.Current?.SetTag("report.parameter.count", request.Query.Count);

        var parameters = new[]
        {
            new ReportParameter("HospitalNumber", hospitalNumber),
            new ReportParameter("IncludeAllergies", request.Query["allergies"] == "true" ? "true" : "false"),
        };
        logger.LogInformation("Rendering summary with {Values}", string.Join(";", parameters.Select(p => $"{p.Name}={string.Join(",", p.Values)}"))); // leak TC1001 strings
        logger.LogInformation("Rendering summary with parameters {Names}", string.Join(";", parameters.Select(p => p.Name))); // clean precision-names

        try
        {
            var pdf = await reports.RenderAsync(SummaryPath, parameters, RenderFormat.Pdf, cancellationToken);
            var disposition = new ContentDispositionHeaderValue("attachment") { FileName = $"summary_{hospitalNumber}.pdf" };
            logger.LogInformation("Serving {Disposition}", disposition.ToString()); // leak TC1001 strings
            _exports.Add(1, new KeyValuePair<string, object?>("format", "pdf"), new KeyValuePair<string, object?>("report", "rpt-patient-summary"));
            return new OkResult(pdf);
        }
        catch (ReportServerException ex) when (ex.ErrorCode == "rsInvalidReportParameter")
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWardrptReportFailedEvent("rpt-patient-summary", ex.ErrorCode, pseudonymizer.PseudonymizeWardrptPatientId(hospitalNumber), $"report server refused {hospitalNumber}"); // leak TC1001 generated-api
            return new BadRequestResult(ex.ErrorCode);
        }
    }

    /// <summary>The drill-through action of a list row: opens the patient's summary.</summary>
    public string SummaryLink(string hospitalNumber, string ward)
    {
        var link = DrillThrough.Link(options.PortalBaseUrl, SummaryPath, new Dictionary<string, string> { ["mrn"] = hospitalNumber, ["from"] = ward });
        Activity.Current?.AddEvent(new ActivityEvent("report.drillthrough", tags: new ActivityTagsCollection { ["target"] = link })); // leak TC1001 strings
        Activity.Current?.AddEvent(new ActivityEvent("report.drillthrough", tags: new ActivityTagsCollection { ["report"] = SummaryPath, ["from.ward"] = ward })); // clean precision-names
        return link;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Patient list for {Ward} as at {AsAt}, parameters {Keys}")]
    private static partial void LogListRequested(ILogger logger, string ward, string asAt, string keys);
}
