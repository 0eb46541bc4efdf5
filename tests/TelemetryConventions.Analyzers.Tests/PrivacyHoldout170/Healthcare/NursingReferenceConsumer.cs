namespace PrivacyHoldout170.Healthcare;

/// <summary>Consumes returned references for bank nurses and chases the outstanding ones.</summary>
public sealed partial class NursingReferenceConsumer(
    IConsumer<string, ReferenceReceived> consumer,
    IReferenceStore references,
    ICandidateMessenger messenger,
    ILogger<NursingReferenceConsumer> logger,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Trust.StaffBank.References");
    private static readonly Meter Meter = new("Trust.StaffBank.References");
    private static readonly Histogram<int> DaysToReturn = Meter.CreateHistogram<int>("reference.days_to_return");

    public async Task PollAsync(CancellationToken cancellationToken)
    {
        var result = consumer.Consume(cancellationToken);
        if (result is null)
        {
            return;
        }
        // The references topic is keyed by the reference request id.
        var received = result.Message.Value;
        using var activity = Source.StartActivity("reference.received");
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
        activity?.SetTag("reference.request_id", received.RequestId); // clean precision-names
        activity?.SetTag("reference.relationship", received.Relationship); // clean precision-about
        activity?.SetTag("reference.comments", received.Comments); // leak TC1001 direct
        activity?.SetTag("reference.comments_length", received.Comments.Length); // clean precision-about
        logger.LogInformation("Reference returned: {Reference}", received); // leak TC1001 logging-objects

        var request = await references.FindAsync(received.RequestId, cancellationToken);
        if (request is not null)
        {
            activity?.SetTag("candidate.id", pseudonymizer.ComputeLocumhireCandidateId(request.CandidateId)); // clean precision-pseudonym
            activity?.SetBaggage("candidate.id", request.CandidateId); // leak TC1001 direct
            LogRefereeResponded(logger, request.Referee.Email, received.Rating); // clean precision-names
            logger.LogInformation("Reference {RequestId} from {Referee}", received.RequestId, request.Referee); // leak TC1001 logging-objects
            activity?.SetTag("referee.phone", request.Referee.Phone); // leak TC1001 direct
            DaysToReturn.Record(3, new KeyValuePair<string, object?>("relationship", received.Relationship)); // clean precision-about
        }
        await references.SaveAsync(received, cancellationToken);
        consumer.Commit(result);
    }

    public async Task ChaseAsync(CancellationToken cancellationToken)
    {
        foreach (var request in await references.OutstandingAsync(cancellationToken))
        {
            try
            {
                await messenger.SendAsync(request.Referee.Email, "tpl-reference-chase", cancellationToken);
                logger.LogInformation("Chased referee {RefereeName} for request {RequestId}", request.Referee.Name, request.RequestId); // leak TC1001 direct
            }
            catch (ReferenceBouncedException ex)
            {
                Activity.Current?.AddException(ex); // leak TC1001 exceptions
                logger.LogWarning("Reference chase bounced ({Error}) for request {RequestId}", ex.GetType().Name, request.RequestId); // clean exceptions
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referee {RefereeEmail} responded with rating {Rating}")]
    private static partial void LogRefereeResponded(ILogger logger, [PrivateData] string refereeEmail, int rating);
}
