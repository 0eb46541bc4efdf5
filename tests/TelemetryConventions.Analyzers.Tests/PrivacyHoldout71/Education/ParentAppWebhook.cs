namespace PrivacyHoldout71.Education;

/// <summary>The parent app's acknowledgement: a guardian read a notice about a student.</summary>
public sealed record NoticeAcknowledged(string NoticeId, string StudentNumber, string GuardianEmail, string? Reply);

public interface INoticeStore
{
    Task MarkReadAsync(string noticeId, string studentNumber, CancellationToken cancellationToken);
}

/// <summary>
/// POST /webhooks/parent-app. The parent app posts acknowledgements signed with X-ParentApp-Signature;
/// the payload is validated against the catalog's schema (student numbers match <c>^S\d{7}$</c>,
/// emails have <c>format: email</c>) and deduplicated by the app's delivery id. The caller is the
/// parent app's server, so the remote address is that server's.
/// </summary>
public sealed class ParentAppWebhook(
    string signingSecret,
    ISchemaValidator schemas,
    IIdempotencyStore idempotency,
    INoticeStore notices,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<ParentAppWebhook> logger)
{
    private const string AckType = "app.parent.notice.acknowledged.v1";
    private readonly CoursehookDeliveriesCounter _received = meter.CreateCoursehookDeliveriesCounter();

    public async Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartCoursehookReceive(AckType); // clean generated-api
        span.SetCoursehookConsumer("parent-app");
        var deliveryId = request.Header("X-ParentApp-Delivery") ?? Guid.NewGuid().ToString();
        span.SetCoursehookEventId(deliveryId);

        var timestamp = long.Parse(request.Header("X-ParentApp-Timestamp") ?? "0");
        if (!WebhookSignature.Verify(signingSecret, timestamp, request.Body, request.Header("X-ParentApp-Signature") ?? ""))
        {
            var ex = new SignatureVerificationException("X-ParentApp-Signature", "mismatch");
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning("Parent app webhook from {RemoteIp} failed verification", request.RemoteIpAddress); // clean precision-about
            return WebhookResponse.Unauthorized();
        }

        using var document = JsonDocument.Parse(request.Body);
        var validation = schemas.Validate(AckType, document.RootElement);
        if (!validation.IsValid)
        {
            var first = validation.Errors[0];
            span.SetCoursehookNote($"{first.Keyword} at {first.InstanceLocation}"); // clean generated-api
            span.SetCoursehookOutcome("rejected:schema");
            logger.LogWarning("Acknowledgement invalid: {Error}", first.Message); // leak TC1001 strings
            foreach (var error in validation.Errors.Where(e => e.Keyword is "required" or "type" or "additionalProperties"))
            {
                logger.LogInformation("Structural error {Location}: {Message}", error.InstanceLocation, error.Message); // clean precision-about
            }
            _received.Add(1, AckType, "parent-app", $"rejected:{first.Keyword}"); // clean generated-api
            return WebhookResponse.Invalid(first.InstanceLocation);
        }

        var ack = document.RootElement.Deserialize<NoticeAcknowledged>()!;
        var key = $"ack:{ack.StudentNumber}:{ack.NoticeId}";
        if (!await idempotency.TryClaimAsync(key, TimeSpan.FromDays(7), cancellationToken))
        {
            logger.LogInformation("Duplicate acknowledgement {Key}", key); // leak TC1001 strings
            span.SetCoursehookOutcome("duplicate");
            return WebhookResponse.Duplicate();
        }
        logger.LogDebug("Claimed delivery {DeliveryId} for notice {NoticeId}", deliveryId, ack.NoticeId); // clean direct

        await notices.MarkReadAsync(ack.NoticeId, ack.StudentNumber, cancellationToken);
        span.SetCoursehookStudentId(pseudonymizer.PseudonymizeCoursehookStudentId(ack.StudentNumber)); // clean precision-pseudonym
        span.SetCoursehookNote(ack.Reply is null ? "no reply" : $"reply of {ack.Reply.Length} chars"); // clean generated-api
        if (ack.Reply is { } reply)
        {
            logger.LogInformation("Guardian replied on {NoticeId}: {Reply}", ack.NoticeId, reply); // leak TC1001 direct
        }
        span.SetCoursehookOutcome("accepted");
        _received.Add(1, AckType, "parent-app", "accepted");
        _received.Add(1, AckType, "parent-app", ack.GuardianEmail); // leak TC1003 generated-api
        return WebhookResponse.Accepted();
    }
}
