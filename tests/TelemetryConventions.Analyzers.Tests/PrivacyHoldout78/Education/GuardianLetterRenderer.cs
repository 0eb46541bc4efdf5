namespace PrivacyHoldout78.Education;

public sealed record Guardian(string GuardianId, string DisplayName, string Email, string Culture);

public sealed record ReportReady(string StudentNumber, string StudentFirstName, string Term, Guardian Guardian);

/// <summary>
/// Emails guardians that a report is ready, in the guardian's language (the trust supports twelve
/// home languages), from the "report-ready" template of the notification platform.
/// </summary>
public sealed class GuardianLetterRenderer(
    TemplateEngine engine,
    IStringLocalizer<GuardianLetterRenderer> localizer,
    INotificationSender sender,
    ActivitySource source,
    Meter meter,
    ILogger<GuardianLetterRenderer> logger)
{
    private static readonly NotificationTemplate Template = new("report-ready", "email", "Subject.ReportReady", "Body.ReportReady", 4);
    private readonly ConcurrentQueue<string> _bounced = new();

    public async Task SendAsync(ReportReady report, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartCampuscopyRender(Template.TemplateId);
        var culture = CultureInfo.GetCultureInfo(report.Guardian.Culture);
        using var scope = logger.BeginScope(new { report.StudentNumber, report.Term }); // leak TC1001 logging-objects
        CultureInfo.CurrentUICulture = culture;
        span.SetCampuscopyCulture(culture.Name); // clean precision-about
        span.SetCampuscopyChannel(Template.Channel);
        logger.LogDebug("Rendering {@Template} in {Culture}", Template, culture.Name); // clean logging-objects

        var values = new Dictionary<string, string?>
        {
            ["student"] = report.StudentFirstName,
            ["term"] = report.Term,
            ["guardian"] = report.Guardian.DisplayName,
        };
        var subjectPattern = localizer[Template.SubjectKey].Value;
        var missing = engine.Placeholders(subjectPattern).Where(p => !values.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            var error = new TemplatePlaceholderException(Template.TemplateId, culture.Name, missing[0]);
            span.RecordException(error, "subject placeholder missing", includeMessage: true); // clean exceptions
            logger.LogWarning(error, "Subject of {TemplateId} cannot be rendered in {Culture}", Template.TemplateId, culture.Name); // clean exceptions
            return;
        }

        var subject = engine.Render(subjectPattern, values);
        var body = engine.Render(localizer[Template.BodyKey].Value, values);
        span.SetCampuscopyMessageSubject(subject); // leak TC1001 generated-api
        span.SetCampuscopyNote($"{values.Count} placeholders, subject {subject.Length} chars"); // clean generated-api

        try
        {
            await sender.SendAsync(new RenderedNotification(Template.TemplateId, culture.Name, report.Guardian.Email, subject, body), cancellationToken);
        }
        catch (DeliveryRejectedException ex)
        {
            _bounced.Enqueue(report.Guardian.Email);
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Report email bounced for guardian {GuardianEmail}: {Reason}", report.Guardian.Email, ex.Reason); // leak TC1001 direct
        }
        finally
        {
            meter.CreateCampuscopyRenderDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, Template.TemplateId, campuscopyChannel: Template.Channel); // clean precision-names
        }
    }

    public void ReportBounces()
    {
        logger.LogWarning("{Count} report emails bounced today", _bounced.Count); // clean precision-about
        logger.LogWarning("Bounced guardian addresses: {Addresses}", string.Join("; ", _bounced)); // leak TC1001 cross-member
        var domains = _bounced.Select(a => a[(a.IndexOf('@') + 1)..]).Distinct();
        logger.LogInformation("Bounced domains: {Domains}", string.Join(", ", domains)); // clean precision-about
    }
}
