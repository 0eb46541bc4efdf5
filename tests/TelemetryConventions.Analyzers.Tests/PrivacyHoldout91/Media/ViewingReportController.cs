using System.Net.Http.Headers;

namespace PrivacyHoldout91.Media;

/// <summary>One row of a viewing history report.</summary>
public sealed record ViewingRow(Guid ProfileId, string ProfileName, string TitleId, string Title, DateTimeOffset StartedAt, int MinutesWatched, string Device);

/// <summary>
/// The support console's viewing report: what a subscriber's profiles watched in a period, to settle
/// disputes about unknown devices and refunds. Called as
/// <c>/reports/viewing?subscriber={id}&amp;profile={id}&amp;from=…&amp;to=…&amp;format=csv</c>.
/// </summary>
[ApiController]
[Route("reports/viewing")]
public sealed class ViewingReportController(
    IReportDataSource data,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ReportingOptions options,
    ILogger<ViewingReportController> logger) : ControllerBase
{
    private readonly Counter<long> _rows = meter.CreateCounter<long>("viewrpt.rows", "{row}");

    [HttpGet]
    public async Task<ActionResult> GetAsync(ReportHttpRequest request, CancellationToken cancellationToken)
    {
        var subscriberId = Guid.Parse(request.Query["subscriber"]);
        var profile = request.Query.TryGetValue("profile", out var p) ? Guid.Parse(p) : (Guid?)null;
        var format = request.Query["format"] == "csv" ? RenderFormat.Csv : RenderFormat.Html;

        using var span = source.StartViewrptRender("rpt-viewing-history", RenderFormats.Extension(format));
        span.SetViewrptSubscriberId(pseudonymizer.PseudonymizeViewrptSubscriberId(subscriberId.ToString())); // clean precision-pseudonym
        span.SetViewrptViewerId(pseudonymizer.PseudonymizeViewrptViewerId(request.User.SubjectId!)); // clean precision-pseudonym
        Activity.Current?.SetTag("http.request.query", request.QueryString); // leak TC1001 strings
        Activity.Current?.SetTag("report.parameters", string.Join(",", request.Query.Keys.Order())); // clean precision-names
        logger.LogInformation("Viewing report for {Subscriber}, profile {Profile}", subscriberId, profile); // leak TC1001 direct

        var query = new ReportQuery("viewing-history", "SELECT profile_id, profile_name, title_id, title, started_at, minutes, device FROM plays WHERE subscriber_id = @subscriber AND (@profile IS NULL OR profile_id = @profile) AND started_at BETWEEN @from AND @to", options.CommandTimeout)
        {
            Parameters = { ["@subscriber"] = subscriberId, ["@profile"] = profile, ["@from"] = request.Query["from"], ["@to"] = request.Query["to"] },
        };
        logger.LogDebug("Viewing query {Query}", query); // clean logging-objects

        ReportTable table;
        try
        {
            table = await data.QueryAsync(query, cancellationToken);
        }
        catch (QueryTimeoutException ex)
        {
            span.RecordException(ex, includeMessage: true).SetViewrptOutcome("timeout"); // clean exceptions
            return BadRequest("timeout");
        }

        var rows = table.Rows.Select(r => new ViewingRow((Guid)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (DateTimeOffset)r[4]!, (int)r[5]!, (string)r[6]!)).ToList();
        span.SetViewrptRowCount(rows.Count);
        _rows.Add(rows.Count, new KeyValuePair<string, object?>("report", "rpt-viewing-history"), new KeyValuePair<string, object?>("format", RenderFormats.Extension(format)));
        logger.LogInformation("Profiles in report {Profiles}", string.Join(", ", rows.Select(r => r.ProfileName).Distinct())); // leak TC1001 strings
        logger.LogInformation("Devices in report {Devices}", rows.CountBy(r => r.Device.Split(':')[0])); // clean logging-objects
        logger.LogDebug("First row {Row}", rows.FirstOrDefault()); // leak TC1001 logging-objects

        if (format == RenderFormat.Csv)
        {
            var header = new ContentDispositionHeaderValue("attachment") { FileName = $"viewing-{subscriberId:N}-{request.Query["from"]}.csv" };
            Activity.Current?.SetTag("http.response.header.content-disposition", header.ToString()); // leak TC1001 strings
        }

        var links = rows.Select(r => r.TitleId).Distinct().Select(t => DrillThrough.Link(options.PortalBaseUrl, "/Content/TitlePerformance", new Dictionary<string, string> { ["title"] = t })).ToList();
        Activity.Current?.AddEvent(new ActivityEvent("report.drillthrough.links", tags: new ActivityTagsCollection { ["count"] = links.Count, ["first"] = links.FirstOrDefault() })); // clean strings
        return Ok(rows);
    }
}
