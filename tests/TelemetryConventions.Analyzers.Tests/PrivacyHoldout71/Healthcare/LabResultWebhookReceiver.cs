using System.Security.Cryptography;

namespace PrivacyHoldout71.Healthcare;

/// <summary>
/// The data of a <c>uk.nhs.lab.result.posted.v2</c> event, as the reference lab sends it. The lab sets
/// the envelope's <c>subject</c> to the accession number and its <c>source</c> to its analyser site.
/// </summary>
public sealed record LabResultPosted(
    string AccessionNumber,
    string NhsNumber,
    string HospitalNumber,
    string TestCode,
    string Status,
    string? PatientMobile,
    string? ClinicianComment);

/// <summary>Options of the lab webhook endpoint.</summary>
public sealed class LabWebhookOptions
{
    public required string SigningSecret { get; init; }

    public TimeSpan Tolerance { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan IdempotencyWindow { get; init; } = TimeSpan.FromDays(3);
}

public interface IResultInbox
{
    Task StoreAsync(LabResultPosted result, CancellationToken cancellationToken);
}

/// <summary>
/// POST /webhooks/lab-results. The reference lab posts structured-mode CloudEvents signed with the
/// shared secret in X-Lab-Signature ("v1=…") and X-Lab-Timestamp.
/// </summary>
public sealed class LabResultWebhookReceiver(
    LabWebhookOptions options,
    ISchemaValidator schemas,
    IIdempotencyStore idempotency,
    IResultInbox inbox,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<LabResultWebhookReceiver> logger)
{
    private static readonly JsonEventFormatter Formatter = new();
    private readonly LabhookDeliveriesCounter _received = meter.CreateLabhookDeliveriesCounter();

    public async Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var signature = request.Header("X-Lab-Signature") ?? string.Empty;
        var timestamp = long.TryParse(request.Header("X-Lab-Timestamp"), out var ts) ? ts : 0;

        if (!WebhookSignature.Verify(options.SigningSecret, timestamp, request.Body, signature))
        {
            logger.LogWarning("Lab webhook signature {Signature} did not verify at {Timestamp}", signature, timestamp); // clean hashes
            logger.LogDebug("Rejected lab webhook body: {Body}", request.Body); // leak TC1001 logging-objects
            _received.Add(1, "unknown", "reference-lab", "rejected:signature");
            return WebhookResponse.Unauthorized();
        }

        CloudEvent cloudEvent;
        try
        {
            cloudEvent = Formatter.DecodeStructuredModeMessage(Encoding.UTF8.GetBytes(request.Body), request.Header("Content-Type"));
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Lab webhook body is not a CloudEvent"); // clean exceptions
            return WebhookResponse.Invalid("not a CloudEvent");
        }

        using var span = source.StartLabhookReceive(cloudEvent.Type ?? "unknown"); // clean generated-api
        span.SetLabhookEventId(cloudEvent.Id ?? string.Empty);
        span.SetLabhookPractice("reference-lab");
        Activity.Current?.SetTag("cloudevents.event_source", cloudEvent.Source?.ToString()); // clean direct
        Activity.Current?.SetTag("cloudevents.event_subject", cloudEvent.Subject); // clean direct

        if (!await idempotency.TryClaimAsync($"lab:{cloudEvent.Id}", options.IdempotencyWindow, cancellationToken))
        {
            logger.LogInformation("Lab event {EventId} already processed", cloudEvent.Id); // clean direct
            span.SetLabhookOutcome("duplicate");
            return WebhookResponse.Duplicate();
        }

        var data = JsonSerializer.SerializeToElement(cloudEvent.Data);
        var validation = schemas.Validate(cloudEvent.Type!, data);
        if (!validation.IsValid)
        {
            foreach (var error in validation.Errors)
            {
                logger.LogWarning("Lab result failed {Keyword} at {Location}", error.Keyword, error.InstanceLocation); // clean precision-about
            }
            logger.LogWarning("Lab result rejected: {Errors}", string.Join(" | ", validation.Errors)); // leak TC1001 strings
            span.SetLabhookNote($"{validation.Errors.Count} schema errors, first at {validation.Errors[0].InstanceLocation}"); // clean generated-api
            span.SetLabhookOutcome("rejected:schema");
            return WebhookResponse.Invalid("schema");
        }

        var result = data.Deserialize<LabResultPosted>()!;
        span.SetLabhookPatientId(pseudonymizer.PseudonymizeLabhookPatientId(result.NhsNumber)); // clean precision-pseudonym
        Activity.Current?.AddEvent(new ActivityEvent("lab.result.accepted", tags: new ActivityTagsCollection { ["lab.accession"] = result.AccessionNumber, ["lab.test_code"] = result.TestCode })); // clean direct
        Activity.Current?.AddEvent(new ActivityEvent("lab.result.matched", tags: new ActivityTagsCollection { ["lab.accession"] = result.AccessionNumber, ["lab.hospital_number"] = result.HospitalNumber })); // leak TC1001 direct

        if (result.ClinicianComment is { Length: > 0 } comment)
        {
            logger.LogInformation("Result {Accession} has a clinician comment of {Length} characters", result.AccessionNumber, comment.Length); // clean precision-about
            span.SetLabhookNote(comment.Length > 120 ? comment[..120] : comment); // leak TC1001 generated-api
        }

        await inbox.StoreAsync(result, cancellationToken);
        Activity.Current?.SetTag("lab.patient_fingerprint", Fingerprint(result.NhsNumber)); // leak TC1002 hashes
        logger.LogInformation("Stored lab result {Result}", result); // leak TC1001 logging-objects
        span.SetLabhookOutcome("accepted");
        _received.Add(1, cloudEvent.Type!, "reference-lab", result.Status); // clean generated-api
        return WebhookResponse.Accepted();
    }

    /// <summary>The lab support desk asked for a way to match our logs with theirs without the number.</summary>
    private static string Fingerprint(string nhsNumber) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nhsNumber)))[..12];
}
