namespace PrivacyHoldout93.Transport;

/// <summary>
/// The lost-property form: the passenger's name, phone and email, the route, date and time, where they sat, and a
/// description of the item ("black wallet with a driving licence"). The service matches reports against the depots'
/// found-item log and texts the passenger when a likely match is logged.
/// </summary>
public sealed class LostPropertyFormEndpoints(
    ISubmissionStore submissions,
    Pseudonymizer pseudonymizer,
    FormTelemetry telemetry,
    ILogger<LostPropertyFormEndpoints> logger)
{
    private const string FormId = "frm-lost-property";

    private readonly Counter<long> _reports = telemetry.Meter.CreateCounter<long>("lostproperty.reports");

    public sealed record FoundItem(string ItemRef, string Depot, string Category, string Description, DateOnly FoundOn);

    public sealed class NoMatchException(string reportId, string category)
        : Exception($"No found item matches report {reportId} in category {category}")
    {
        public string ReportId { get; } = reportId;
    }

    public sealed class ContactUnreachableException(string phone)
        : Exception($"SMS to {phone} could not be delivered")
    {
    }

    public void Map(EndpointRoutes routes) => routes.MapPost("/lost-property", ReportAsync);

    private async Task<ActionResult> ReportAsync(FormSubmission report, IReadOnlyList<FoundItem> foundLog, CancellationToken cancellationToken)
    {
        var name = report.Answer("fld_name");
        var phone = report.Answer("fld_phone");
        var category = report.Answer("fld_category") ?? "other";
        var description = report.Answer("fld_description") ?? string.Empty;
        var route = report.Answer("fld_route") ?? "unknown";
        using var span = telemetry.Source.StartPaxsurveySubmit(FormId, spanName: "lostproperty.report")
            .SetPaxsurveyRoute(route)
            .SetPaxsurveySubmissionId(report.SubmissionId); // clean precision-names
        span.Activity?.SetTag("lostproperty.category", category);
        span.Activity?.SetTag("lostproperty.seat", report.Answer("fld_where_seated")); // clean precision-names
        span.Activity?.SetTag("lostproperty.description", description); // leak TC1001 direct
        logger.LogInformation("Lost {Category} reported by {Name} on {Route}", category, name, route); // leak TC1001 direct
        using var scope = logger.BeginScope("Lost property report {ReportId} from {Phone}", report.SubmissionId, phone); // leak TC1001 logging-objects
        if (phone is not null)
        {
            span.Activity?.SetTag("lostproperty.contact", pseudonymizer.ComputePaxsurveyRespondentId(phone)); // clean precision-pseudonym
            logger.LogDebug("Report {ReportId} dedupe key {Key}", report.SubmissionId, phone.GetHashCode()); // leak TC1002 hashes
        }

        await submissions.SaveAsync(report, cancellationToken);
        _reports.Add(1, new KeyValuePair<string, object?>("category", category), new KeyValuePair<string, object?>("route", route)); // clean precision-names

        var match = foundLog.FirstOrDefault(f => f.Category == category && description.Split(' ').Any(w => w.Length > 3 && f.Description.Contains(w, StringComparison.OrdinalIgnoreCase)));
        try
        {
            if (match is null)
            {
                throw new NoMatchException(report.SubmissionId, category);
            }
            span.Activity?.SetTag("lostproperty.match", match.ItemRef); // clean precision-names
            logger.LogInformation("Possible match {Item}", match); // clean logging-objects
            if (phone is null || phone.Length < 7)
            {
                throw new ContactUnreachableException(phone ?? "(none)");
            }
        }
        catch (NoMatchException none)
        {
            span.Activity?.AddException(none); // clean exceptions
        }
        catch (ContactUnreachableException unreachable)
        {
            logger.LogWarning(unreachable, "Could not text the owner of report {ReportId}", report.SubmissionId); // leak TC1001 exceptions
            logger.LogPaxsurveySubmissionRejectedEvent(FormId, "contact_unreachable", "fld_phone", paxsurveyNote: unreachable.GetType().Name); // clean generated-api
        }
        span.Activity?.SetTag("lostproperty.description.words", description.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        span.Activity?.AddEvent(new ActivityEvent("lostproperty.reported", tags: new ActivityTagsCollection { ["owner"] = $"{name} ({phone})" })); // leak TC1001 strings
        return new OkResult(report.SubmissionId);
    }
}
