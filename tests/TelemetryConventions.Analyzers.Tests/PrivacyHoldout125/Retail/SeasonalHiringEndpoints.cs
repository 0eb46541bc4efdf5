namespace PrivacyHoldout125.Retail;

/// <summary>
/// Christmas temps: a short mobile application with knockout questions, then self-scheduling into a
/// store's group assessment session, with a text message reminder.
/// </summary>
public static class SeasonalHiringEndpoints
{
    private static readonly ActivitySource Source = new("Retail.Careers.Seasonal");
    private static readonly Meter Meter = new("Retail.Careers.Seasonal");
    private static readonly StorejobsApplicationsCounter Applications = Meter.CreateStorejobsApplicationsCounter();
    private static readonly Counter<long> Knockouts = Meter.CreateCounter<long>("storejobs.knockouts");
    private static readonly Counter<long> Reminders = Meter.CreateCounter<long>("storejobs.reminders.sent");

    public sealed record QuickApply(long JobId, string StoreNumber, string FirstName, string Mobile, string Email, bool Over18, bool AvailableWeekends, bool RightToWork);

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/seasonal/apply", ApplyAsync);
        routes.MapPost("/seasonal/book", Book);
    }

    public static async Task<ActionResult> ApplyAsync([FromBody] QuickApply body, IAtsClient ats, Pseudonymizer pseudonymizer, ILogger<QuickApply> logger, CancellationToken cancellationToken)
    {
        var job = await ats.GetJobAsync(body.JobId, cancellationToken);
        using var span = Source.StartStorejobsApplication("quick-apply", job.RequisitionId);
        span.SetStorejobsSource("seasonal-mobile"); // clean generated-api
        span.Activity?.SetTag("storejobs.store", body.StoreNumber); // clean precision-names
        span.Activity?.SetTag("storejobs.knockout.over18", body.Over18); // clean precision-about
        span.Activity?.SetTag("storejobs.mobile.prefix", body.Mobile[..3]); // clean precision-about
        span.Activity?.SetTag("storejobs.mobile", body.Mobile); // leak TC1001 direct
        logger.LogInformation("Quick apply {@Body}", body); // leak TC1001 logging-objects
        if (!body.Over18 || !body.RightToWork)
        {
            Knockouts.Add(1, new KeyValuePair<string, object?>("storejobs.knockout", body.Over18 ? "right-to-work" : "under-18")); // clean precision-about
            span.SetStorejobsOutcome("knocked-out"); // clean generated-api
            logger.LogInformation("Knocked out applicant {FirstName} ({Email}) at store {Store}", body.FirstName, body.Email, body.StoreNumber); // leak TC1001 direct
            return new OkResult("thanks");
        }

        var form = new ApplicationForm(body.JobId, body.FirstName, string.Empty, body.Email, body.Mobile, null, null, "seasonal-mobile", body.RightToWork);
        var candidate = await ats.CreateCandidateAsync(form, cancellationToken);
        var candidateRef = pseudonymizer.PseudonymizeStorejobsCandidateId(candidate.Id);
        span.SetStorejobsCandidateId(candidateRef).SetStorejobsStage("applied"); // clean generated-api
        Applications.Add(1, "applied", "seasonal-mobile", candidateRef.Value); // leak TC1003 precision-pseudonym
        logger.LogStorejobsStageFailedEvent("applied", "no-slot", candidateRef, "no assessment sessions left this week"); // clean generated-api
        return new OkResult(candidate.Id);
    }

    public static ActionResult Book(string storeNumber, SelfScheduleInvite invite, TimeSlot session, ILogger<SelfScheduleInvite> logger)
    {
        using var activity = Source.StartActivity("storejobs.assessment.book");
        activity?.SetTag("storejobs.invite.id", invite.InviteId); // clean precision-names
        activity?.SetTag("storejobs.session.start", session.Start.ToString("O", CultureInfo.InvariantCulture)); // clean precision-about
        activity?.SetTag("storejobs.invite.link", invite.Link.ToString()); // leak TC1001 direct
        activity?.SetTag("storejobs.invite.expires_in_hours", (invite.ExpiresAt - DateTimeOffset.UtcNow).TotalHours); // clean precision-about
        logger.LogInformation("Session booked via {@Invite}", invite); // leak TC1001 logging-objects
        Reminders.Add(1, new KeyValuePair<string, object?>("storejobs.store", storeNumber)); // clean precision-names
        return new OkResult(null);
    }
}
