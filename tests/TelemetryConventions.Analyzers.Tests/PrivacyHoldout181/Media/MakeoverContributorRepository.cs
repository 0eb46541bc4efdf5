namespace PrivacyHoldout181.Media;

/// <summary>
/// A property show films families moving home: the production surveys their home, a removals crew is filmed packing and
/// the inventory of what goes into storage during the makeover is kept here.
/// </summary>
public sealed partial class MakeoverContributorRepository(
    ILogger<MakeoverContributorRepository> logger,
    Pseudonymizer pseudonymizer,
    IMoveBook moveBook)
{
    private static readonly ActivitySource Source = new("Broadcaster.Productions.Makeover");
    private static readonly Meter Meter = new("Broadcaster.Productions.Makeover");
    private static readonly Counter<long> Surveys = Meter.CreateCounter<long>("makeover.surveys");
    private static readonly ShowmoveOperationsCounter Operations = Meter.CreateShowmoveOperationsCounter();
    private static readonly ShowmoveOperationDurationHistogram Duration = Meter.CreateShowmoveOperationDurationHistogram();

    public async Task SaveSurveyAsync(MakeoverContributor contributor, HomeSurvey survey, CancellationToken cancellationToken)
    {
        using var span = Source.StartShowmoveOperation(contributor.Episode);
        span.SetShowmoveMoverId(pseudonymizer.PseudonymizeShowmoveMoverId(contributor.ContributorId)); // clean generated-api
        span.SetShowmoveCrewId(pseudonymizer.PseudonymizeShowmoveCrewId(survey.SurveyorStaffId)); // clean generated-api
        span.SetShowmoveItemCount(survey.Rooms); // clean generated-api
        span.SetShowmoveNote($"Survey of {contributor.HomeAddress} for {contributor.Episode}"); // leak TC1001 generated-api
        span.SetShowmoveNote($"Survey {survey.SurveyId}: {survey.Rooms} rooms"); // clean generated-api
        span.SetShowmoveNote(survey.AccessNotes); // leak TC1001 generated-api
        span.Activity?.SetTag(ShowmoveAttributes.Contact, pseudonymizer.PseudonymizeShowmoveMoverId(contributor.ContributorId)); // leak TC1001 precision-pseudonym

        var activity = span.Activity;
        activity?.SetTag("db.system", "postgresql"); // clean precision-names
        activity?.SetTag("db.statement", "UPDATE surveys SET rooms = @rooms, access_notes = @notes WHERE survey_id = @id"); // clean strings
        activity?.SetTag("db.statement", $"UPDATE contributors SET home_address = '{contributor.HomeAddress}' WHERE contributor_id = '{contributor.ContributorId}'"); // leak TC1001 strings
        activity?.SetTag("makeover.episode", contributor.Episode); // clean precision-names
        activity?.SetTag("makeover.survey.id", survey.SurveyId); // clean precision-names
        activity?.SetTag("makeover.surveyor", survey.SurveyorStaffId); // leak TC1001 direct
        activity?.SetTag("makeover.contributor.mobile", contributor.Mobile); // leak TC1001 direct
        activity?.SetTag("makeover.access_notes.length", survey.AccessNotes.Length); // clean precision-about
        activity?.SetTag("makeover.access_notes.words", survey.AccessNotes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about

        await moveBook.SaveAsync(survey, cancellationToken);
        logger.LogInformation("Survey saved {Survey}", survey); // leak TC1001 logging-objects
        logger.LogInformation("Survey saved {Survey}", survey with { CustomerId = "", SurveyorStaffId = "", Address = "", AccessNotes = "" }); // clean logging-objects
        logger.LogInformation("Contributor {Contributor} surveyed", contributor); // leak TC1001 logging-objects
        LogSurveyed(logger, survey.SurveyId, contributor.ContributorName); // clean logging-objects

        Surveys.Add(1, new KeyValuePair<string, object?>("episode", contributor.Episode)); // clean precision-names
        Surveys.Add(1, new KeyValuePair<string, object?>("surveyor", pseudonymizer.ComputeShowmoveCrewId(survey.SurveyorStaffId))); // leak TC1003 precision-pseudonym
        Operations.Add(1, contributor.Episode, "surveyed"); // clean generated-api
        Duration.Record(2.5, contributor.Episode); // clean generated-api
    }

    public async Task LogInventoryAsync(string jobId, MakeoverContributor contributor, CancellationToken cancellationToken)
    {
        var items = await moveBook.InventoryAsync(jobId, cancellationToken);
        using var activity = Source.StartActivity("inventory");
        activity?.SetTag("makeover.job.id", jobId); // clean precision-names
        activity?.SetTag("makeover.inventory.count", items.Count); // clean precision-about
        activity?.SetTag("makeover.inventory.fragile", items.Count(i => i.Fragile)); // clean precision-about
        logger.LogInformation("Inventory {Items}", items); // clean logging-objects
        logger.LogInformation("Inventory rooms {Rooms}", string.Join(",", items.Select(i => i.Room).Distinct())); // clean precision-names
        logger.LogInformation("Inventory for {Name}: {Count} items", contributor.ContributorName, items.Count); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("makeover.inventory", tags: new ActivityTagsCollection { ["value"] = items.Sum(i => i.DeclaredValue), ["episode"] = contributor.Episode })); // clean precision-about
        activity?.AddEvent(new ActivityEvent("makeover.inventory.owner", tags: new ActivityTagsCollection { ["owner"] = contributor.ContributorName })); // leak TC1001 direct
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Survey {SurveyId} saved for {ContributorName}")]
    private static partial void LogSurveyed(ILogger logger, string surveyId, [PrivateData] string contributorName);
}
