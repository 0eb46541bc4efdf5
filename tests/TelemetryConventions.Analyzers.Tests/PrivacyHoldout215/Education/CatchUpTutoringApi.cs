namespace PrivacyHoldout215.Education;

/// <summary>The council's catch-up tutoring marketplace: schools enrol pupils, parents are told, tutors are allocated.</summary>
public static partial class CatchUpTutoringApi
{
    private static readonly ActivitySource Source = new("PrivacyHoldout215.Education.CatchUp");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/catch-up/enrolments", EnrolAsync);
        routes.MapPost("/catch-up/allocations", Allocate);
        routes.MapGet("/catch-up/tutors/{tutorId}", ShowTutorAsync);
    }

    public static async Task<ActionResult> EnrolAsync(CatchUpEnrolment enrolment, IMarketplaceStore store, INotifier notifier, Pseudonymizer pseudonymizer, ILoggerFactory loggers, Meter meter, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("CatchUp.Enrolment");
        var pupil = pseudonymizer.PseudonymizeHomestudyClientId(enrolment.Upn);
        using var span = Source.StartHomestudyOperation(enrolment.School);
        span.SetHomestudyClientId(pupil); // clean generated-api
        span.SetHomestudySubject(enrolment.Subject); // clean generated-api
        span.SetHomestudyNote($"enrolled {enrolment.PupilName} from {enrolment.School}"); // leak TC1001 generated-api
        span.SetHomestudyNote($"enrolment {enrolment.EnrolmentId}, pupil premium {enrolment.PupilPremium}"); // clean generated-api

        var activity = Activity.Current;
        activity?.SetTag("enrolment.id", enrolment.EnrolmentId); // clean precision-names
        activity?.SetTag("pupil.upn", enrolment.Upn); // leak TC1001 direct
        activity?.SetTag("pupil.pseudonym", pupil); // clean precision-pseudonym
        activity?.SetTag("parent.email_domain", enrolment.ParentEmail[(enrolment.ParentEmail.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("pupil.premium", enrolment.PupilPremium); // clean precision-about
        activity?.SetTag("school.urn", enrolment.School); // clean precision-names

        using (logger.BeginScope(new Dictionary<string, object> { ["EnrolmentId"] = enrolment.EnrolmentId, ["School"] = enrolment.School })) // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["ParentEmail"] = enrolment.ParentEmail })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Enrolled pupil for {Subject}", enrolment.Subject); // clean precision-names
            logger.LogInformation("Enrolment {@Enrolment}", enrolment); // leak TC1001 logging-objects
            logger.LogInformation("Enrolment copy {@Enrolment}", enrolment with { ParentEmail = "", PupilName = "" }); // leak TC1001 logging-objects
            logger.LogInformation("Pupil {Pupil}", pupil); // clean precision-pseudonym
        }

        meter.CreateHomestudyOperationsCounter().Add(1, enrolment.School, "enrolled"); // clean generated-api
        meter.CreateCounter<long>("catch_up.enrolments").Add(1, new KeyValuePair<string, object?>("pupil", pupil.Value)); // leak TC1003 precision-pseudonym
        meter.CreateCounter<long>("catch_up.enrolments_by_upn").Add(1, new KeyValuePair<string, object?>("upn", enrolment.Upn)); // leak TC1003 direct

        try
        {
            await notifier.SendAsync(enrolment.ParentEmail, "Catch-up tutoring", $"{enrolment.PupilName} has a tutor", cancellationToken);
        }
        catch (Exception ex)
        {
            activity?.AddEvent(new ActivityEvent("notify.failed", tags: new ActivityTagsCollection { ["to"] = enrolment.ParentEmail })); // leak TC1001 direct
            logger.LogWarning("Notification failed: {Error}", ex.GetType().Name); // clean exceptions
        }

        return Ok(enrolment.EnrolmentId);
    }

    public static ActionResult Allocate(TutorAllocation allocation, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("CatchUp.Allocation");
        logger.LogInformation("Allocation {@Allocation}", allocation); // clean logging-objects
        logger.LogInformation("Allocated {Hours} hours of {Subject} to tutor group {TutorGroup}", allocation.Hours, allocation.Subject, allocation.TutorGroup); // clean precision-names
        Activity.Current?.SetTag("allocation.tutor_group", allocation.TutorGroup); // clean precision-names
        var line = new StringBuilder().Append(allocation.School).Append('/').Append(allocation.Subject).Append('/').Append(allocation.Hours).ToString();
        Activity.Current?.SetTag("allocation.line", line); // clean strings
        return Ok();
    }

    public static async Task<ActionResult> ShowTutorAsync(string tutorId, IMarketplaceStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("CatchUp.Tutors");
        var tutor = await store.FindTutorAsync(tutorId, cancellationToken);
        if (tutor is null)
        {
            logger.LogInformation("No tutor {TutorId}", tutorId); // leak TC1001 direct
            return NotFound();
        }

        var daysSinceDbs = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - tutor.DbsIssued.DayNumber;
        Activity.Current?.SetTag("tutor.dbs_age_days", daysSinceDbs); // clean precision-about
        Activity.Current?.SetTag("tutor.dbs_certificate", tutor.DbsCertificateNumber); // leak TC1001 direct
        Activity.Current?.SetTag("tutor.rating", tutor.AverageRating); // clean precision-about
        Activity.Current?.SetTag("tutor.hourly_rate", tutor.HourlyRate); // clean precision-names
        var profile = new TutorProfile { TutorId = tutor.TutorId, DisplayName = tutor.FullName, Headline = "Maths and physics", SubjectCount = tutor.Subjects.Length };
        logger.LogInformation("Profile {Profile}", profile); // clean logging-objects
        logger.LogInformation("Profile {@Profile}", profile); // leak TC1001 logging-objects
        logger.LogInformation("Tutor subjects {Subjects}", string.Join(", ", tutor.Subjects)); // clean strings
        logger.LogInformation("Tutor line {Line}", string.Format("{0} <{1}>", tutor.FullName, tutor.Email)); // leak TC1001 strings
        LogTutorViewed(logger, tutor.Email, tutor.Subjects.Length); // clean logging-objects
        return Ok(profile);
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Debug, Message = "Tutor {TutorEmail} viewed with {SubjectCount} subjects")]
    private static partial void LogTutorViewed(ILogger logger, [PrivateData] string tutorEmail, int subjectCount);
}
