namespace PrivacyHoldout208.Education;

/// <summary>A university's minimal API for campus parking appeals: statements, photos and permit holders.</summary>
public static partial class CampusAppealsEndpoints
{
    private static readonly ActivitySource Source = new("University.Parking.Appeals");
    private static readonly Meter Meter = new("University.Parking.Appeals");
    private static readonly Counter<long> AppealsReceived = Meter.CreateCounter<long>("campus.appeals.received");
    private static readonly Histogram<long> PhotoBytes = Meter.CreateHistogram<long>("campus.appeal.photo.bytes", "By");

    public sealed record AppealForm(string PcnNumber, string GroundsCode, string Statement, string StudentNumber, string Name, string Email, string? PermitId);

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/appeals", SubmitAsync);
        routes.MapPost("/appeals/{appealId}/photos", AttachPhotoAsync);
    }

    private static async Task<ActionResult> SubmitAsync(AppealForm form, IAppealStore appeals, IPenaltyNoticeStore notices, Pseudonymizer pseudonymizer, ILogger<AppealForm> logger, CancellationToken ct)
    {
        using var activity = Source.StartActivity("campus.appeal.submit");
        activity?.SetTag("campus.pcn.number", form.PcnNumber); // clean precision-names
        activity?.SetTag("campus.appeal.grounds", form.GroundsCode); // clean precision-names
        activity?.SetTag("campus.student.number", form.StudentNumber); // leak TC1001 direct
        activity?.SetTag("campus.student.campus", form.StudentNumber[..2]); // clean precision-about
        activity?.SetTag("campus.appellant.name", form.Name); // leak TC1001 direct
        activity?.SetTag("campus.appeal.statement", form.Statement); // leak TC1001 direct
        activity?.SetTag("campus.appeal.statement_words", form.Statement.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        activity?.SetTag("campus.permit.id", form.PermitId); // clean precision-names
        activity?.SetTag("campus.appellant.student", pseudonymizer.ComputeCampusparkClientId(form.StudentNumber)); // clean precision-pseudonym

        var appeal = new Appeal(Guid.NewGuid().ToString("N"), form.PcnNumber, form.GroundsCode, form.Statement, form.Name, form.Email, 0);
        activity?.SetTag("campus.appeal.id", appeal.AppealId); // clean precision-names

        try
        {
            if (await notices.FindAsync(form.PcnNumber, ct) is null)
            {
                throw new NoticeNotFoundException(form.PcnNumber);
            }

            if (form.Statement.Length > 4000)
            {
                throw new AppealRejectedException(form.Email, "statement too long");
            }

            await appeals.SaveAsync(appeal, ct);
        }
        catch (NoticeNotFoundException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Appeal for unknown notice"); // clean exceptions
            return new NotFoundResult(ex.Message);
        }
        catch (AppealRejectedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning(ex, "Appeal rejected"); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "appeal rejected"); // clean exceptions
            return new BadRequestResult("rejected");
        }

        logger.LogInformation("Appeal {Appeal} saved", appeal); // leak TC1001 logging-objects
        logger.LogInformation("Appeal {@Appeal} saved", appeal with { Statement = string.Empty }); // leak TC1001 logging-objects
        logger.LogInformation("Appeal {AppealId} on {PcnNumber} with grounds {Grounds}", appeal.AppealId, appeal.PcnNumber, appeal.GroundsCode); // clean precision-names
        logger.LogInformation("Appeal received {Form}", new { form.PcnNumber, form.GroundsCode, form.PermitId }); // clean logging-objects
        logger.LogInformation("Appeal received {Form}", new { form.PcnNumber, form.Email }); // leak TC1001 logging-objects
        LogAppealFrom(logger, form.Email, appeal.AppealId); // clean logging-objects
        LogStatement(logger, form.Statement.Length, form.Statement); // leak TC1001 logging-objects

        AppealsReceived.Add(1, new KeyValuePair<string, object?>("campus.grounds", form.GroundsCode)); // clean precision-names
        AppealsReceived.Add(1, new KeyValuePair<string, object?>("campus.student", pseudonymizer.PseudonymizeCampusparkClientId(form.StudentNumber))); // leak TC1003 precision-pseudonym

        var student = pseudonymizer.PseudonymizeCampusparkClientId(form.StudentNumber);
        using var op = Source.StartCampusparkOperation("campus-north")
            .SetCampusparkClientId(student) // clean generated-api
            .SetCampusparkChannel("portal"); // clean generated-api
        op.SetCampusparkOutcome("appealed"); // clean generated-api
        op.SetCampusparkNote(form.Statement); // leak TC1001 generated-api
        op.SetCampusparkNote($"appeal {appeal.AppealId} on grounds {form.GroundsCode}"); // clean generated-api
        op.SetCampusparkNote(form.Email); // leak TC1001 generated-api
        Meter.CreateCampusparkOperationsCounter().Add(1, campusparkSite: "campus-north", campusparkOutcome: "appealed"); // clean generated-api
        Meter.CreateCampusparkOperationsCounter().Add(1, campusparkSite: form.StudentNumber); // leak TC1003 generated-api

        return new OkResult(appeal.AppealId);
    }

    private static async Task<ActionResult> AttachPhotoAsync(string appealId, AppealPhoto photo, IAppealStore appeals, ParkingServiceOptions options, ILogger<AppealPhoto> logger, CancellationToken ct)
    {
        using var activity = Source.StartActivity("campus.appeal.photo");
        activity?.SetTag("campus.appeal.id", appealId); // clean precision-names
        activity?.SetTag("campus.photo.id", photo.PhotoId); // clean precision-names
        activity?.SetTag("campus.photo.size", photo.Bytes.Length); // clean precision-about
        activity?.SetTag("campus.photo.has_location", photo.Latitude is not null); // clean precision-about
        activity?.SetTag("campus.photo.position", $"{photo.Latitude},{photo.Longitude}"); // leak TC1001 strings
        activity?.SetTag("campus.photo.area", $"{Math.Round(photo.Latitude ?? 0, 1)},{Math.Round(photo.Longitude ?? 0, 1)}"); // clean strings
        activity?.SetTag("campus.photo.owner", photo.CameraOwner); // leak TC1001 direct
        activity?.SetTag("campus.photo.sha256", Convert.ToHexString(SHA256.HashData(photo.Bytes))); // clean hashes
        activity?.SetTag("campus.photo.owner_hash", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(photo.CameraOwner ?? "")))); // leak TC1002 hashes
        PhotoBytes.Record(photo.Bytes.Length, new KeyValuePair<string, object?>("campus.photo.kind", "jpeg")); // clean precision-about

        await appeals.AttachPhotoAsync(photo, ct);
        logger.LogInformation("Photo {Photo} attached", photo); // leak TC1001 logging-objects
        logger.LogInformation("Photo {PhotoId} attached to {AppealId} ({Bytes} bytes)", photo.PhotoId, appealId, photo.Bytes.Length); // clean precision-about
        return new OkResult(photo.PhotoId);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Appeal {AppealId} from {Email}")]
    private static partial void LogAppealFrom(ILogger logger, [PrivateData] string email, string appealId);

    [LoggerMessage(EventId = 21, Level = LogLevel.Debug, Message = "Statement of {Length} characters: {Statement}")]
    private static partial void LogStatement(ILogger logger, int length, string statement);
}
