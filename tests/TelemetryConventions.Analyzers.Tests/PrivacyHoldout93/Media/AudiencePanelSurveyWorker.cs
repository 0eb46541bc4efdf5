namespace PrivacyHoldout93.Media;

/// <summary>
/// The weekly audience panel: panellists (recruited viewers who agreed to be asked) get the week's survey about
/// the programmes they watched, a reminder after three days, and the completed responses go to the research agency
/// as a CSV export. The panel's reach figures are published per programme and age band with small cells suppressed.
/// </summary>
public sealed class AudiencePanelSurveyWorker(
    IInvitationSender sender,
    ISubmissionStore submissions,
    IFormRegistry forms,
    Pseudonymizer pseudonymizer,
    SurveyOptions options,
    FormTelemetry telemetry,
    ILogger<AudiencePanelSurveyWorker> logger) : BackgroundService
{
    private const string SurveyId = "srv-panel-weekly";

    public sealed record Panellist(string PanellistId, string AgeBand, string Region, Recipient Contact);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var panel = await LoadPanelAsync(stoppingToken);
        var batch = new InvitationBatch($"b-{DateTime.UtcNow:yyyyMMdd}", SurveyId, panel.Count, DateTimeOffset.UtcNow);
        using var span = telemetry.Source.StartPanelInvite(SurveyId).SetPanelChannel("email");
        logger.LogInformation("Sending panel batch {Batch}", batch); // clean logging-objects
        span.Activity?.SetTag("panel.batch.id", batch.BatchId); // clean precision-names
        var failed = new List<string>();
        foreach (var panellist in panel)
        {
            var invitation = new SurveyInvitation { InvitationId = $"{batch.BatchId}-{panellist.PanellistId}", SurveyId = SurveyId, Recipient = panellist.Contact, Token = InvitationTokens.NewToken() };
            try
            {
                await sender.SendAsync(invitation, stoppingToken);
            }
            catch (RecipientRejectedException rejected)
            {
                failed.Add(panellist.Contact.Email);
                logger.LogWarning(rejected, "Panel invitation {InvitationId} rejected", invitation.InvitationId); // leak TC1001 exceptions
                span.Activity?.AddEvent(new ActivityEvent("panel.invitation.rejected", tags: new ActivityTagsCollection { ["invitation"] = invitation.InvitationId })); // leak TC1001 cross-member
            }
            catch (SendThrottledException throttled)
            {
                span.Activity?.AddException(throttled); // clean exceptions
                await Task.Delay(throttled.RetryAfter, stoppingToken);
            }
        }
        span.SetPanelOutcome(failed.Count == 0 ? "sent" : "partial");
        span.Activity?.SetTag("panel.invitations.failed", failed.Count);
        logger.LogWarning("Bounced panellists: {Emails}", string.Join(";", failed)); // leak TC1001 strings
    }

    public async Task<ExportResult> ExportForAgencyAsync(string formId, DateOnly weekStart, CancellationToken cancellationToken)
    {
        var form = await forms.GetAsync(formId, cancellationToken);
        var job = new ExportJob($"exp-{formId}-{weekStart:yyyyMMdd}", formId, ExportFormat.Csv, weekStart, weekStart.AddDays(6), IncludePersonalFields: false);
        using var activity = telemetry.Source.StartActivity("panel.export");
        logger.LogInformation("Export {Job}", job); // clean logging-objects
        var responses = await submissions.ListAsync(formId, job.From, job.To, cancellationToken);
        var csv = new StringBuilder().AppendLine(CsvExport.Header(form));
        foreach (var response in responses)
        {
            csv.AppendLine(CsvExport.Row(form, response));
        }
        var result = new ExportResult($"panel_{formId}_{weekStart:yyyyMMdd}.csv", Encoding.UTF8.GetBytes(csv.ToString()), responses.Count);
        activity?.SetTag("panel.export.file", result.FileName); // clean precision-names
        logger.LogInformation("Export ready {Result}", result); // clean logging-objects
        logger.LogDebug("Export header {Header}", CsvExport.Header(form)); // clean precision-names
        logger.LogDebug("Export first row {Row}", responses.Count > 0 ? CsvExport.Row(form, responses[0]) : "(empty)"); // leak TC1001 strings
        var panelIndex = (await LoadPanelAsync(cancellationToken)).ToDictionary(p => p.PanellistId);
        try
        {
            activity?.SetTag("panel.export.age_bands", string.Join(",", responses.Select(r => panelIndex[r.RespondentId!].AgeBand).Distinct())); // clean precision-names
        }
        catch (KeyNotFoundException notOnPanel)
        {
            activity?.SetStatus(ActivityStatusCode.Error, notOnPanel.Message); // leak TC1001 exceptions
        }
        var partial = responses.Where(r => r.Answers.Values.Any(v => v is null)).ToList();
        activity?.SetTag("panel.export.partial", partial.Count); // clean precision-about
        logger.LogDebug("Partial responses from {Panellists}", partial.Select(r => r.RespondentId).ToArray()); // leak TC1001 logging-objects
        foreach (var response in partial.Take(3))
        {
            activity?.AddEvent(new ActivityEvent("panel.partial", tags: new ActivityTagsCollection { ["panellist"] = pseudonymizer.ComputePanelRespondentId(response.RespondentId!), ["answered"] = response.Answers.Count(a => a.Value is not null) })); // clean precision-pseudonym
        }
        return result;
    }

    public IReadOnlyList<QuestionAggregate> Reach(IReadOnlyList<(Panellist Who, string Programme, bool Watched)> diary)
    {
        var cells = diary.GroupBy(d => (d.Programme, d.Who.AgeBand))
            .Select(g => new QuestionAggregate("watched", $"{g.Key.Programme}/{g.Key.AgeBand}", g.Count(), g.Count(d => d.Watched) / (double)g.Count(), false));
        var reach = new SmallGroupSuppression(options.SmallGroupThreshold).Apply(cells);
        logger.LogInformation("Suppressed cells {Cells}", string.Join(", ", reach.Where(c => c.Suppressed).Select(c => c.Group))); // clean precision-names
        var onlyOne = diary.GroupBy(d => (d.Programme, d.Who.AgeBand)).Where(g => g.Count() == 1).Select(g => g.Single().Who).ToList();
        logger.LogDebug("Cells of one panellist: {@Panellists}", onlyOne); // leak TC1001 logging-objects
        return reach;
    }

    private static Task<List<Panellist>> LoadPanelAsync(CancellationToken cancellationToken) => Task.FromResult(new List<Panellist>());
}

