namespace PrivacyHoldout172.Education;

/// <summary>
/// The trust's legal team's minimal API for SEND tribunal appeals: a parent's appeal arrives, the trust's
/// solicitors are instructed and the response is filed with the tribunal.
/// </summary>
public static class SendAppealsEndpoints
{
    private static readonly ActivitySource Source = new("SchoolTrust.Legal.SendAppeals");
    private static readonly Meter Meter = new("SchoolTrust.Legal.SendAppeals");
    private static readonly Counter<long> Appeals = Meter.CreateCounter<long>("schooltrust.legal.send_appeals");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/legal/send-appeals", ReceiveAsync);
        routes.MapGet("/legal/send-appeals/{appealRef}", Get);
        routes.MapPost("/legal/send-appeals/{appealRef}/withdraw", Withdraw);
    }

    private static async Task<ActionResult> ReceiveAsync(SendAppeal appeal, IClientStore clients, ILogger<SendAppeal> logger, Pseudonymizer pseudonymizer, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("ReceiveSendAppeal");
        activity?.SetTag("send.appeal_ref", appeal.AppealRef); // clean precision-names
        activity?.SetTag("send.school", appeal.School); // clean precision-about
        activity?.SetTag("send.pupil.upn", appeal.Upn); // leak TC1001 direct
        if (activity is not null) activity.DisplayName = $"SEND appeal for {appeal.ChildName}"; // leak TC1001 strings

        Appeals.Add(1, new TagList { { "school", appeal.School } }); // clean precision-about
        Appeals.Add(1, new TagList { { "pupil", appeal.Upn } }); // leak TC1003 direct

        logger.LogInformation("Appeal {AppealRef} lodged by a parent at {ParentDomain}", appeal.AppealRef, appeal.ParentEmail[(appeal.ParentEmail.IndexOf('@') + 1)..]); // clean precision-about
        logger.LogInformation("Appeal received: {@Appeal}", appeal); // leak TC1001 logging-objects
        logger.LogInformation("Appeal {AppealRef} names a child of {NameLength} characters", appeal.AppealRef, appeal.ChildName.Length); // clean precision-about

        var pupil = pseudonymizer.PseudonymizeSchoollegalClientId(appeal.Upn);
        activity?.SetTag(SchoollegalAttributes.ClientId, pupil.Value); // clean precision-pseudonym
        activity?.SetTag(SchoollegalAttributes.Contact, appeal.ParentEmail); // leak TC1001 generated-api

        try
        {
            var client = await clients.FindAsync(appeal.Upn, cancellationToken) ?? throw new PupilNotOnRollException(appeal.Upn);
            logger.LogDebug("Pupil lives in {District}", client.Postcode.Split(' ')[0]); // clean precision-about
        }
        catch (PupilNotOnRollException ex)
        {
            logger.LogWarning(ex, "Appeal {AppealRef} is for a pupil not on roll", appeal.AppealRef); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, nameof(PupilNotOnRollException)); // clean exceptions
            return BadRequestFor(appeal.AppealRef);
        }

        return new OkResult(appeal.AppealRef);
    }

    private static ActionResult Get(string appealRef, string parentEmail, ILogger<SendAppeal> logger)
    {
        logger.LogInformation("Parent {ParentEmail} checked appeal {AppealRef}", parentEmail, appealRef); // leak TC1001 direct
        Activity.Current?.SetTag("send.appeal_ref", appealRef); // clean direct
        return new OkResult(appealRef);
    }

    private static ActionResult Withdraw(string appealRef, string upn, ILogger<SendAppeal> logger, TelemetrySecrets secrets)
    {
        var upnDigest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(upn)));
        logger.LogInformation("Appeal {AppealRef} withdrawn (pupil {PupilDigest})", appealRef, upnDigest); // leak TC1002 hashes
        var pupilShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(upn))[0] % 32;
        logger.LogInformation("Appeal {AppealRef} withdrawn (shard {Shard})", appealRef, pupilShard); // clean hashes
        logger.LogInformation("Appeal {AppealRef} withdrawn for pupil {Upn}", appealRef, upn); // leak TC1001 direct
        Activity.Current?.SetTag("send.withdrawn.upn_length", upn.Length); // clean precision-about
        return new OkResult(appealRef);
    }

    private static ActionResult BadRequestFor(string appealRef) => new BadRequestResult($"Appeal {appealRef} cannot proceed");
}
