namespace PrivacyHoldout140.Education;

/// <summary>What the parents' consent page posts.</summary>
public sealed record ConsentSubmission(string SchoolUrn, string PupilUpn, string ParentName, string ParentEmail, string ParentAccountId, bool OptIn, string SheetVersion);

/// <summary>What the researcher's tablet posts when a pupil gives or declines assent in class.</summary>
public sealed record AssentSubmission(string SchoolUrn, string YearGroup, string PupilUpn, bool Assented, string ResearcherStaffId);

/// <summary>
/// The school study's consent endpoints: parents opt their child in or out from the portal (and again when the
/// information sheet changes), and researchers record each pupil's own assent on the day.
/// </summary>
public static partial class ParentalConsentEndpoints
{
    private const string CurrentSheet = "IS-2.0";

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/study/consent", SubmitConsentAsync);
        routes.MapPost("/study/assent", RecordAssent);
    }

    private static async Task<ActionResult> SubmitConsentAsync(
        ConsentSubmission submission, IResearchPortal portal, Pseudonymizer pseudonymizer, Meter meter, ILogger<ConsentSubmission> logger)
    {
        var activity = Activity.Current;
        activity.EnrichSchoolstudyOperation(submission.SchoolUrn)
            .SetSchoolstudyConsentVersion(submission.SheetVersion) // clean precision-names
            .SetSchoolstudyPupilId(pseudonymizer.PseudonymizeSchoolstudyPupilId(submission.PupilUpn)) // clean precision-pseudonym
            .SetSchoolstudyParentId(pseudonymizer.PseudonymizeSchoolstudyParentId(submission.ParentAccountId)); // clean precision-pseudonym

        var consent = new ParentalConsent(submission.PupilUpn, submission.ParentName, submission.ParentEmail, submission.OptIn, submission.SheetVersion);
        logger.LogInformation("Consent received {@Consent}", consent); // leak TC1001 logging-objects
        activity?.SetTag("schoolstudy.consent.opt_in", submission.OptIn); // clean precision-about
        activity?.SetTag("schoolstudy.parent.account", submission.ParentAccountId); // leak TC1001 direct
        activity?.SetBaggage("schoolstudy.pupil", submission.PupilUpn); // leak TC1001 direct

        var previous = await portal.GetConsentAsync(submission.PupilUpn);
        if (previous is not null && previous.SheetVersion != CurrentSheet)
        {
            activity?.AddEvent(new ActivityEvent("schoolstudy.reconsent", tags: new ActivityTagsCollection { ["previous.sheet"] = previous.SheetVersion, ["opt_in"] = submission.OptIn })); // clean precision-names
            LogReconsent(logger, submission.ParentEmail, previous.SheetVersion, CurrentSheet); // clean logging-objects
        }

        if (!submission.OptIn)
        {
            LogOptOut(logger, submission.PupilUpn, submission.SchoolUrn); // leak TC1001 logging-objects
        }

        meter.CreateSchoolstudyConsentsCounter().Add(1, submission.SchoolUrn, schoolstudyOutcome: submission.OptIn ? "opt-in" : "opt-out"); // clean generated-api
        await portal.EmailParentAsync(submission.ParentEmail, "tpl-consent-thanks");
        activity?.SetTag("schoolstudy.parent.email_domain", submission.ParentEmail.Split('@')[^1]); // clean precision-about
        return new OkResult(null);
    }

    private static ActionResult RecordAssent(AssentSubmission submission, Pseudonymizer pseudonymizer, ILogger<AssentSubmission> logger)
    {
        var assent = new PupilAssent(submission.PupilUpn, submission.Assented, submission.ResearcherStaffId);
        var span = Activity.Current.EnrichSchoolstudyOperation(submission.SchoolUrn).SetSchoolstudyYearGroup(submission.YearGroup); // clean precision-names
        span.SetSchoolstudyOutcome(assent.Assented ? "assented" : "declined"); // clean precision-about

        if (!assent.Assented)
        {
            logger.LogInformation("Pupil {Upn} declined assent; researcher {Researcher}", assent.PupilUpn, assent.ResearcherStaffId); // leak TC1001 direct
            logger.LogInformation("A pupil in {YearGroup} at {School} declined assent", submission.YearGroup, submission.SchoolUrn); // clean precision-about
        }

        logger.LogDebug("Assent {Assent}", assent with { PupilUpn = pseudonymizer.ComputeSchoolstudyPupilId(assent.PupilUpn) }); // leak TC1001 logging-objects
        return new OkResult(null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-consent from {ParentEmail}: {Previous} to {Current}")]
    private static partial void LogReconsent(ILogger logger, [PrivateData] string parentEmail, string previous, string current);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pupil {Upn} at {School} opted out by parent")]
    private static partial void LogOptOut(ILogger logger, string upn, string school);
}
