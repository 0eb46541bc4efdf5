namespace PrivacyHoldout206.Education;

/// <summary>A university's schools study: pupils' questionnaires and parents' consent, as a minimal API.</summary>
public static partial class SchoolsStudyEndpoints
{
    private static readonly Counter<long> Questionnaires = StudyTelemetry.Meter.CreateCounter<long>("schools.questionnaires");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/schools/{urn}/questionnaires", SubmitQuestionnaire);
        routes.MapPost("/schools/consents", RecordParentalConsent);
        routes.MapGet("/schools/{urn}/recruitment", Recruitment);
    }

    public static async Task<ActionResult> SubmitQuestionnaire(string urn, PupilQuestionnaire questionnaire, IQuestionnairePlatform platform, Pseudonymizer pseudonymizer, ILogger logger, CancellationToken ct)
    {
        using var activity = StudyTelemetry.Source.StartActivity("schools.questionnaire.submit");
        activity?.SetTag("schools.urn", urn); // clean precision-names
        activity?.SetTag("schools.wave", questionnaire.Wave); // clean precision-names
        activity?.SetTag("schools.pupil.upn", questionnaire.Upn); // leak TC1001 direct
        activity?.SetTag("schools.pupil.study_number", questionnaire.StudyNumber); // leak TC1001 direct
        activity?.SetTag("schools.pupil.participant", pseudonymizer.ComputeCampusstudyParticipantId(questionnaire.StudyNumber)); // clean precision-pseudonym
        activity?.SetTag("schools.answer.count", questionnaire.Answers); // clean precision-about
        activity?.SetTag("schools.comment.length", questionnaire.Comment.Length); // clean precision-about
        activity?.SetTag("schools.comment", questionnaire.Comment); // leak TC1001 direct
        activity?.SetTag("schools.comment.preview", questionnaire.Comment.Length > 60 ? questionnaire.Comment[..60] : questionnaire.Comment); // leak TC1001 direct
        logger.LogInformation("Questionnaire from {Upn} in wave {Wave}", questionnaire.Upn, questionnaire.Wave); // leak TC1001 direct
        logger.LogInformation("Questionnaire {Questionnaire}", questionnaire); // leak TC1001 logging-objects
        logger.LogInformation("Questionnaire {@Questionnaire}", questionnaire with { Upn = "", Comment = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Questionnaire shape {Shape}", new { questionnaire.SchoolUrn, questionnaire.Wave, questionnaire.Answers }); // clean logging-objects
        Questionnaires.Add(1, new KeyValuePair<string, object?>("schools.wave", questionnaire.Wave)); // clean precision-names
        Questionnaires.Add(1, new KeyValuePair<string, object?>("schools.pupil", questionnaire.Upn)); // leak TC1003 direct
        var partition = Math.Abs(questionnaire.Upn.GetHashCode()) % 8;
        activity?.SetTag("schools.partition", partition); // leak TC1002 hashes
        var waveKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(questionnaire.Upn + questionnaire.Wave)));
        logger.LogDebug("Wave key {WaveKey}", waveKey); // leak TC1002 hashes
        var stats = await platform.StatsAsync(questionnaire.Wave, questionnaire.Wave, ct);
        logger.LogInformation("Wave stats {Stats}", stats); // clean logging-objects
        activity?.SetTag("schools.wave.responses", stats.Responses); // clean precision-about
        LogSubmitted(logger, questionnaire.Upn, urn); // clean logging-objects
        LogSubmittedPlain(logger, questionnaire.StudyNumber, urn); // leak TC1001 logging-objects
        return new OkResult(null);
    }

    public static async Task<ActionResult> RecordParentalConsent(ParentalConsent consent, IStudyMailer mailer, Pseudonymizer pseudonymizer, ILogger logger, CancellationToken ct)
    {
        using var span = StudyTelemetry.Source.StartCampusstudyOperation("consent-desk"); // clean generated-api
        span.SetCampusstudyOutcome(consent.Granted ? "accepted" : "withdrawn"); // clean generated-api
        span.SetCampusstudyParticipantId(pseudonymizer.PseudonymizeCampusstudyParticipantId(consent.Upn)); // clean generated-api
        span.SetCampusstudyNote(consent.ParentName); // leak TC1001 generated-api
        span.SetCampusstudyNote($"consent {consent.ConsentId} granted={consent.Granted}"); // clean generated-api
        span.Activity?.SetTag(CampusstudyAttributes.Contact, consent.ParentEmail); // leak TC1001 generated-api
        span.Activity?.SetTag(CampusstudyAttributes.Contact, pseudonymizer.ComputeCampusstudyParticipantId(consent.ParentEmail)); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("schools.parent.email_domain", consent.ParentEmail[(consent.ParentEmail.IndexOf('@') + 1)..]); // clean precision-about
        span.Activity?.SetTag("schools.consent.id", consent.ConsentId); // clean precision-names
        try
        {
            await mailer.SendAsync(consent.ParentEmail, "consent-receipt", ct);
        }
        catch (ConsentWithdrawnException ex)
        {
            logger.LogWarning(ex, "Consent withdrawn before receipt"); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, "consent withdrawn"); // clean exceptions
            logger.LogWarning("Withdrawn on {WithdrawnOn}", ex.WithdrawnOn); // clean exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
        }

        var receipt = string.Format("Receipt for {0} <{1}>", consent.ParentName, consent.ParentEmail);
        logger.LogInformation("Receipt {Receipt}", receipt); // leak TC1001 strings
        var label = string.Format("consent-{0}-{1}", consent.ConsentId, consent.Granted ? "yes" : "no");
        logger.LogInformation("Receipt label {Label}", label); // clean strings
        logger.LogInformation("Parental consent {Consent}", consent); // leak TC1001 logging-objects
        StudyTelemetry.Meter.CreateCampusstudyOperationsCounter().Add(1, "consent-desk", consent.Granted ? "accepted" : "withdrawn"); // clean generated-api
        StudyTelemetry.Meter.CreateCampusstudyOperationsCounter().Add(1, "consent-desk", pseudonymizer.ComputeCampusstudyParticipantId(consent.Upn)); // leak TC1003 precision-pseudonym
        return new OkResult(null);
    }

    public static ActionResult Recruitment(string urn, SchoolRecruitment recruitment, ILogger logger)
    {
        var activity = Activity.Current;
        activity?.SetTag("schools.recruitment.invited", recruitment.PupilsInvited); // clean precision-about
        activity?.SetTag("schools.recruitment.consented", recruitment.PupilsConsented); // clean precision-about
        activity?.SetTag("schools.pupil_count", recruitment.PupilsInvited); // clean precision-names
        activity?.SetTag("schools.parent_letter_template", "recruit-v3"); // clean precision-names
        logger.LogInformation("Recruitment {Recruitment}", recruitment); // clean logging-objects
        logger.LogInformation("Recruitment at {Urn}: {Invited} invited, {Consented} consented", urn, recruitment.PupilsInvited, recruitment.PupilsConsented); // clean precision-about
        try
        {
            throw new StudyClosedException(recruitment.StudyCode, new DateOnly(2025, 7, 18));
        }
        catch (StudyClosedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Study {Study} closed", ex.StudyCode); // clean exceptions
        }

        return new OkResult(null);
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Questionnaire submitted by {Upn} at {Urn}")]
    private static partial void LogSubmitted(ILogger logger, [PrivateData] string upn, string urn);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Questionnaire submitted for {StudyNumber} at {Urn}")]
    private static partial void LogSubmittedPlain(ILogger logger, string studyNumber, string urn);
}
