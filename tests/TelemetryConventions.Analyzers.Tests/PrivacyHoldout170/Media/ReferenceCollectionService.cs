namespace PrivacyHoldout170.Media;

/// <summary>Collects editorial references for freelance journalists from former editors.</summary>
public sealed class ReferenceCollectionService(
    IReferenceStore references,
    ICandidateMessenger messenger,
    ILogger<ReferenceCollectionService> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Broadcaster.Freelancers.References");
    private static readonly Meter Meter = new("Broadcaster.Freelancers.References");
    private static readonly Counter<long> Sent = Meter.CreateCounter<long>("references.sent");

    public async Task RequestAsync(ReferenceRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("reference.request");
        activity?.SetTag("reference.request_id", request.RequestId); // clean precision-names
        activity?.SetTag("referee.relationship", request.Referee.Relationship); // clean precision-about
        activity?.SetTag("freelancer.ref", pseudonymizer.PseudonymizeFreelancehireCandidateId(request.CandidateId)); // clean precision-pseudonym
        activity?.SetTag("referee.bucket", (request.Referee.Email.GetHashCode() & 0x7fffffff) % 10); // leak TC1002 hashes
        activity?.SetTag("referee.partition", Partition(request.Referee.Email)); // clean hashes
        activity?.SetTag("referee.label", RefereeLabel(request.Referee)); // leak TC1001 cross-member
        activity?.SetTag("referee.kind", RefereeKind(request.Referee)); // clean cross-member
        var who = request.Referee.Name + " <" + request.Referee.Email + ">";
        activity?.AddEvent(new ActivityEvent("reference.sent", tags: new ActivityTagsCollection { ["to"] = who })); // leak TC1001 strings
        logger.LogInformation("Requesting reference {@Request}", request); // leak TC1001 logging-objects
        try
        {
            await messenger.SendAsync(request.Referee.Email, "tpl-editorial-reference", cancellationToken);
            Sent.Add(1, new KeyValuePair<string, object?>("organisation_type", request.Referee.OrganisationType)); // clean precision-about
        }
        catch (ReferenceBouncedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "reference email bounced"); // clean exceptions
            logger.LogError("Reference bounced: {Reason}", ex.Message); // leak TC1001 exceptions
        }
    }

    public async Task ReceiveAsync(ReferenceReceived received, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("reference.received");
        activity?.SetTag("reference.rating", received.Rating); // clean precision-about
        activity?.SetTag("reference.has_comments", !string.IsNullOrEmpty(received.Comments)); // clean precision-about
        logger.LogInformation("Editor wrote: {Comments}", received.Comments); // leak TC1001 direct
        var outcome = new ReferenceOutcome(received.RequestId, received.Rating >= 3, 6);
        logger.LogInformation("Reference outcome {Outcome}", outcome); // clean logging-objects
        await references.SaveAsync(received, cancellationToken);
    }

    private string Partition(string email) =>
        (HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(email))[1] % 10).ToString(CultureInfo.InvariantCulture);

    private static string RefereeLabel(Referee referee) => $"{referee.Name} ({referee.Phone})";

    private static string RefereeKind(Referee referee) => $"{referee.OrganisationType}/{referee.Relationship}";
}
