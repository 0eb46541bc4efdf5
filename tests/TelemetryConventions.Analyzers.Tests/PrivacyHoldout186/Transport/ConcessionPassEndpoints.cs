namespace PrivacyHoldout186.Transport;

public sealed record PhotocardApplication(string HolderId, string FullName, DateOnly DateOfBirth, string Email, string Postcode, string ConcessionType, string? BlueBadgeNumber);

public sealed record PenaltyFareAppeal(string AppealId, string PenaltyNoticeNumber, string PhotocardNumber, string GroundsCode, string Statement);

/// <summary>The operator's minimal API for concession photocards, companion passes and penalty fare appeals.</summary>
public static partial class ConcessionPassEndpoints
{
    private static readonly ActivitySource Source = new("Operator.Concessions");
    private static readonly Meter Meter = new("Operator.Concessions");
    private static readonly Counter<long> Issued = Meter.CreateCounter<long>("concessions.issued");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/concessions/photocards", ApplyAsync);
        routes.MapPost("/concessions/companion/{companionPassNumber}/check", CheckCompanion);
        routes.MapPost("/concessions/appeals", Appeal);
    }

    private static string HolderLabel(PhotocardApplication application) => $"{application.FullName} ({application.DateOfBirth:yyyy-MM-dd})";

    private static async Task<ActionResult> ApplyAsync(PhotocardApplication application, IConcessionGateway gateway, IPassRegister register, Pseudonymizer pseudonymizer, ILogger<PhotocardApplication> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("concessions.apply");
        var age = DateTime.UtcNow.Year - application.DateOfBirth.Year;
        activity?.SetTag("concession.type", application.ConcessionType); // clean precision-names
        activity?.SetTag("applicant.age_band", age >= 66 ? "66+" : "under-66"); // clean precision-about
        activity?.SetTag("applicant.date_of_birth", application.DateOfBirth.ToString("O")); // leak TC1001 direct
        activity?.SetTag("applicant.blue_badge", application.BlueBadgeNumber); // leak TC1001 direct
        activity?.SetTag("applicant.has_blue_badge", application.BlueBadgeNumber is not null); // clean precision-about
        activity?.SetTag("applicant.label", HolderLabel(application)); // leak TC1001 cross-member
        activity?.SetTag("applicant.ref", pseudonymizer.PseudonymizeBusfareClientId(application.HolderId)); // clean precision-pseudonym
        OpenTelemetry.Baggage.SetBaggage("applicant.postcode", application.Postcode); // leak TC1001 direct
        OpenTelemetry.Baggage.SetBaggage("concession.type", application.ConcessionType); // clean precision-names

        var pass = new ConcessionPass($"6339{Random.Shared.NextInt64(100000000000, 999999999999)}", application.HolderId, application.ConcessionType, DateOnly.FromDateTime(DateTime.UtcNow.AddYears(5)), "LA-E08000035");
        await register.SaveAsync(pass, cancellationToken);
        var summary = await gateway.ProductAsync(application.ConcessionType, cancellationToken);
        var profile = new PhotocardProfile { PhotocardNumber = pass.PhotocardNumber, HolderName = application.FullName, ConcessionType = pass.ConcessionType };

        logger.LogInformation("Product {@Summary}", summary); // clean logging-objects
        logger.LogInformation("Issued {@Pass}", pass); // leak TC1001 logging-objects
        logger.LogInformation("Profile {Profile}", profile); // clean logging-objects
        logger.LogInformation("Profile {@Profile}", profile); // leak TC1001 logging-objects
        logger.LogInformation("Issued photocard {Photocard} to {Name}", pass.PhotocardNumber, application.FullName); // leak TC1001 direct
        logger.LogInformation("Issued {Concession} photocard by {Authority}, expires {Expires}", pass.ConcessionType, pass.IssuingAuthority, pass.Expires); // clean precision-names
        LogIssued(logger, pass.PhotocardNumber, pass.ConcessionType); // clean logging-objects
        Issued.Add(1, new KeyValuePair<string, object?>("concession", pass.ConcessionType)); // clean precision-names
        Issued.Add(1, new KeyValuePair<string, object?>("postcode", application.Postcode)); // leak TC1003 direct

        using var span = Source.StartBusfareOperation("concessions");
        span.SetBusfareClientId(pseudonymizer.PseudonymizeBusfareClientId(application.HolderId)); // clean generated-api
        span.SetBusfareConcession(pass.ConcessionType); // clean generated-api
        span.SetBusfareNote("issued to " + HolderLabel(application)); // leak TC1001 generated-api
        return new OkResult(pass.PhotocardNumber);
    }

    private static ActionResult CheckCompanion(string companionPassNumber, string carerName, CompanionPass pass, ILogger<CompanionPass> logger)
    {
        Activity.Current?.SetTag("companion.pass_number", companionPassNumber); // leak TC1001 direct
        Activity.Current?.SetTag("companion.carer_matches", string.Equals(pass.CarerName, carerName, StringComparison.OrdinalIgnoreCase)); // clean precision-about
        if (!string.Equals(pass.CarerName, carerName, StringComparison.OrdinalIgnoreCase))
        {
            var ex = new CompanionNotAuthorisedException(carerName, companionPassNumber);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.AddException(ex, new TagList { { "companion.check", "carer-mismatch" } }); // leak TC1001 exceptions
            logger.LogWarning("Companion check failed for {Pass}", pass); // leak TC1001 logging-objects
            return new BadRequestResult("carer not on pass");
        }

        logger.LogInformation("Companion check passed ({Type})", nameof(CompanionPass)); // clean precision-names
        return new OkResult(true);
    }

    private static ActionResult Appeal(PenaltyFareAppeal appeal, Pseudonymizer pseudonymizer, ILogger<PenaltyFareAppeal> logger)
    {
        Activity.Current?.SetTag("appeal.id", appeal.AppealId); // clean precision-names
        Activity.Current?.SetTag("appeal.penalty_notice", appeal.PenaltyNoticeNumber); // clean precision-names
        Activity.Current?.SetTag("appeal.grounds", appeal.GroundsCode); // clean precision-about
        Activity.Current?.SetTag("appeal.photocard", appeal.PhotocardNumber); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("appeal.statement", tags: new ActivityTagsCollection { ["text"] = appeal.Statement })); // leak TC1001 direct
        var key = string.Concat(appeal.PenaltyNoticeNumber, "|", appeal.PhotocardNumber);
        logger.LogInformation("Appeal key {Key}", key); // leak TC1001 strings
        logger.LogInformation("Appeal {AppealId} on notice {Notice}", appeal.AppealId, appeal.PenaltyNoticeNumber); // clean precision-names
        logger.LogBusfareOperationFailedEvent("appeals", "appealed", pseudonymizer.PseudonymizeBusfareClientId(appeal.PhotocardNumber), appeal.Statement); // leak TC1001 generated-api
        return new OkResult(appeal.AppealId);
    }

    [LoggerMessage(EventId = 9901, Level = LogLevel.Information, Message = "Photocard {Photocard} issued ({Concession})")]
    private static partial void LogIssued(ILogger logger, [PrivateData] string photocard, string concession);
}
