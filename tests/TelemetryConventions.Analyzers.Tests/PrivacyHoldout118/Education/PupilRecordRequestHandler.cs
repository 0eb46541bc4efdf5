namespace PrivacyHoldout118.Education;

/// <summary>
/// Requests from parents for their child's educational record (a parent has a right to it in maintained
/// schools) and from pupils themselves. The office checks parental responsibility, then gathers the record.
/// </summary>
public sealed class PupilRecordRequestHandler(
    IRequestTracker tracker,
    IRequesterMailer mailer,
    IParentalResponsibilityCheck responsibility,
    Pseudonymizer pseudonymizer,
    ILogger<PupilRecordRequestHandler> logger)
{
    private static readonly ActivitySource Source = new("Trust.DataProtection.PupilRecords");
    private static readonly Meter Meter = new("Trust.DataProtection.PupilRecords");
    private static readonly EddsrRequestsCounter Requests = Meter.CreateEddsrRequestsCounter();

    public async Task HandleAsync(PupilRecordRequest message, CancellationToken ct)
    {
        using var span = Source.StartEddsrRequest(message.RequestId.ToString(), "access");
        span.SetEddsrSubjectId(pseudonymizer.PseudonymizeEddsrSubjectId(message.StudentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("eddsr.requester.role", message.RequesterRole); // clean precision-names
        span.Activity?.SetTag("eddsr.school", message.SchoolUrn); // clean precision-names
        logger.LogInformation("Record request {RequestId} from a {Role} at school {School}", message.RequestId, message.RequesterRole, message.SchoolUrn); // clean precision-names
        logger.LogInformation("Record request received {Message}", message); // leak TC1001 logging-objects

        if (message.RequesterRole == "parent")
        {
            var check = await responsibility.CheckAsync(message.StudentNumber, message.RequesterEmail, ct);
            span.SetEddsrOutcome(check.HasResponsibility ? "verified" : "refused"); // clean generated-api
            if (!check.HasResponsibility)
            {
                logger.LogWarning("{Email} holds no parental responsibility for {StudentNumber}", message.RequesterEmail, message.StudentNumber); // leak TC1001 direct
                logger.LogWarning("Responsibility check failed: {Reason}", check.Reason); // clean precision-about
                logger.LogEddsrRequestFailedEvent(message.RequestId.ToString(), "refused", eddsrNote: $"guardian {message.RequesterEmail} not on contacts"); // leak TC1001 generated-api
                Requests.Add(1, "access", "refused"); // clean generated-api
                return;
            }
        }

        var request = new DataSubjectRequest { Type = RequestType.Access, SubjectKey = message.StudentNumber, ContactEmail = message.RequesterEmail };
        await tracker.SaveAsync(request, ct);
        await mailer.SendAsync(message.RequesterEmail, "We have your request", $"Reference {request.Reference}", ct);
        span.Activity?.SetTag("eddsr.requester.domain", message.RequesterEmail[(message.RequesterEmail.IndexOf('@') + 1)..]); // clean precision-about
        span.Activity?.SetTag("eddsr.requester", message.RequesterEmail); // leak TC1001 direct
        span.Activity?.SetBaggage("eddsr.student", message.StudentNumber); // leak TC1001 direct
        Requests.Add(1, "access", message.RequesterRole); // clean generated-api
    }

    public void Extend(DataSubjectRequest request, string reason)
    {
        request.Status = RequestStatus.Extended;
        request.DueBy = request.DueBy.AddDays(60);
        var note = $"Extended for {request.SubjectKey}: {reason}";
        Activity.Current?.SetTag("eddsr.extension.reason", reason); // clean precision-about
        Activity.Current?.SetTag("eddsr.note", note); // leak TC1001 strings
        Activity.Current?.SetTag("eddsr.due", request.DueBy.ToString("yyyy-MM-dd")); // clean precision-about
    }
}

public sealed record PupilRecordRequest(Guid RequestId, string StudentNumber, string SchoolUrn, string RequesterRole, string RequesterEmail);

public sealed record ResponsibilityCheck(bool HasResponsibility, string? Reason);

public interface IParentalResponsibilityCheck
{
    Task<ResponsibilityCheck> CheckAsync(string studentNumber, string requesterEmail, CancellationToken cancellationToken);
}
