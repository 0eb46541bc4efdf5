namespace PrivacyHoldout192.Education;

/// <summary>
/// A council's minimal API for school-gate referrals: schools refer families on free school meals for loft and cavity
/// insulation grants (eligibility through benefits, the home's EPC).
/// </summary>
public static partial class SchoolGateReferralEndpoints
{
    private static readonly ActivitySource Source = new("Council.SchoolWarm");
    private static readonly Meter Meter = new("Council.SchoolWarm");
    private static readonly Counter<long> Referred = Meter.CreateCounter<long>("schoolwarm.families.referred");
    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("schoolwarm.batch.size");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/schools/{schoolUrn}/referrals", ReferAsync);
        routes.MapPost("/schools/{schoolUrn}/batches", SubmitBatch);
    }

    public static async Task<ActionResult> ReferAsync(
        string schoolUrn,
        [FromBody] FamilyReferral referral,
        IBenefitsGateway benefits,
        Pseudonymizer pseudonymizer,
        TelemetrySecrets secrets,
        ILogger<FamilyReferral> logger,
        CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var family = pseudonymizer.PseudonymizeSchoolwarmClientId(referral.PupilUpn);
        using var span = Source.StartSchoolwarmOperation(schoolUrn, "schoolwarm.refer")
            .SetSchoolwarmClientId(family); // clean generated-api
        span.SetSchoolwarmMode("gbis"); // clean generated-api
        span.SetSchoolwarmNote($"referral {referral.ReferralId} from school {schoolUrn}"); // clean generated-api
        span.SetSchoolwarmNote($"parent {referral.ParentName} at {referral.HomeAddress}"); // leak TC1001 generated-api
        span.SetSchoolwarmClientId(Pseudonym.FromComputed(referral.PupilUpn)); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("schoolwarm.school.urn", schoolUrn); // clean precision-names
        activity?.SetTag("schoolwarm.pupil.upn", referral.PupilUpn); // leak TC1001 direct
        activity?.SetTag("schoolwarm.parent.email", referral.ParentEmail); // leak TC1001 direct
        activity?.SetTag("schoolwarm.parent.email_template", "fsm-insulation-invite"); // clean precision-names
        activity?.SetTag("schoolwarm.fsm", referral.FreeSchoolMeals); // clean precision-about
        activity?.SetTag("schoolwarm.family", family); // clean precision-pseudonym
        activity?.SetTag(SchoolwarmAttributes.Contact, referral.ParentEmail); // leak TC1001 direct
        Activity.Current?.AddBaggage("schoolwarm.pupil", referral.PupilUpn); // leak TC1001 direct
        Activity.Current?.AddBaggage("schoolwarm.school", schoolUrn); // clean precision-names

        logger.LogInformation("Referral {ReferralId} from {School}", referral.ReferralId, schoolUrn); // clean precision-names
        logger.LogInformation("Referral {@Referral}", referral); // leak TC1001 logging-objects
        logger.LogInformation("Referral {Referral}", referral with { ParentEmail = "", HomeAddress = "" }); // leak TC1001 logging-objects
        LogParent(logger, referral.ParentName, referral.ParentEmail); // clean logging-objects
        LogFamily(logger, referral.PupilUpn, schoolUrn); // leak TC1001 logging-objects

        var letter = new StringBuilder();
        letter.Append("Dear ").Append(referral.ParentName).Append(", your home at ").Append(referral.HomeAddress);
        logger.LogDebug("Invite letter: {Letter}", letter.ToString()); // leak TC1001 strings
        logger.LogDebug(string.Format("Invite for pupil {0} at {1}", referral.PupilUpn, schoolUrn)); // leak TC1001 strings
        logger.LogDebug(string.Format("Invite {0} sent to school {1}", referral.ReferralId, schoolUrn)); // clean strings

        var parentKey = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(referral.ParentEmail));
        activity?.SetTag("schoolwarm.parent.key", Convert.ToBase64String(parentKey)); // clean hashes
        activity?.SetTag("schoolwarm.parent.sha", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(referral.ParentEmail)))); // leak TC1002 hashes

        try
        {
            var check = await benefits.CheckAsync(referral.PupilUpn, DateOnly.MinValue, referral.HomeAddress, ct);
            activity?.SetTag("schoolwarm.income_band", check.IncomeBand); // clean precision-about
            activity?.SetTag("schoolwarm.eligibility.route", check.Route); // clean precision-names
            logger.LogInformation("Check {Check}", check); // clean logging-objects
            Referred.Add(1, new KeyValuePair<string, object?>("schoolwarm.school", schoolUrn)); // clean precision-names
            Referred.Add(1, new KeyValuePair<string, object?>("schoolwarm.pupil", referral.PupilUpn)); // leak TC1003 direct
        }
        catch (EligibilityRejectedException ex)
        {
            span.RecordException(ex).SetStatus(ActivityStatusCode.Error, "benefits check rejected"); // clean exceptions
            logger.LogWarning("Rejected: {Reason}", ex.Message); // leak TC1001 exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
        }
        catch (SchemeClosedException ex)
        {
            logger.LogWarning(ex, "Scheme closed for school {School}", schoolUrn); // clean exceptions
            span.SetSchoolwarmNote(ex.Message); // clean exceptions
        }

        Meter.CreateSchoolwarmOperationsCounter().Add(1, schoolUrn, family.Value); // leak TC1003 generated-api
        Meter.CreateSchoolwarmOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, schoolUrn); // clean generated-api
        return new OkResult(referral.ReferralId);
    }

    public static ActionResult SubmitBatch(string schoolUrn, [FromBody] SchoolReferralBatch batch, [FromBody] IReadOnlyList<FamilyReferral> families, ILogger<SchoolReferralBatch> logger)
    {
        using var activity = Source.StartActivity("schoolwarm.batch");
        activity?.SetTag("schoolwarm.batch.id", batch.BatchId); // clean precision-names
        activity?.SetTag("schoolwarm.batch.families", batch.Families); // clean precision-about
        activity?.SetTag("schoolwarm.batch.eligible", families.Count(f => f.FreeSchoolMeals)); // clean precision-about
        activity?.SetTag("schoolwarm.batch.pupils", string.Join(",", families.Select(f => f.PupilUpn))); // leak TC1001 strings
        activity?.SetTag("schoolwarm.batch.referrals", string.Join(",", families.Select(f => f.ReferralId))); // clean strings
        logger.LogInformation("Batch {@Batch}", batch); // clean logging-objects
        logger.LogInformation("Batch first family {Parent}", families.FirstOrDefault()?.ParentName); // leak TC1001 direct
        BatchSize.Record(batch.Families, new KeyValuePair<string, object?>("schoolwarm.school", schoolUrn)); // clean precision-names
        return new OkResult(batch.BatchId);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Parent {Name} <{Email}> invited")]
    private static partial void LogParent(ILogger logger, [PrivateData] string name, [PrivateData] string email);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Family of pupil {Upn} referred by {School}")]
    private static partial void LogFamily(ILogger logger, string upn, string school);
}
