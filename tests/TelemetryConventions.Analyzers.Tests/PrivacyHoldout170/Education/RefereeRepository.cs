namespace PrivacyHoldout170.Education;

/// <summary>The supply desk's store of reference requests, with its own query logging.</summary>
public sealed class RefereeRepository(ILogger<RefereeRepository> logger, Pseudonymizer pseudonymizer) : IReferenceStore
{
    private static readonly ActivitySource Source = new("Trust.SupplyDesk.Data");
    private readonly Dictionary<string, ReferenceRequest> _requests = new();
    private readonly List<ReferenceReceived> _received = new();

    public Task<ReferenceRequest?> FindAsync(string requestId, CancellationToken cancellationToken = default)
    {
        using var activity = Source.StartActivity("references.find");
        activity?.SetTag("db.operation", "SELECT"); // clean precision-names
        activity?.SetTag("db.query.parameter.request_id", requestId); // clean precision-names
        _requests.TryGetValue(requestId, out var request);
        if (request is not null)
        {
            activity?.SetTag("referee.relationship", request.Referee.Relationship); // clean precision-about
            activity?.SetTag("referee.organisation_type", request.Referee.OrganisationType); // clean precision-about
            activity?.SetTag("referee.email", request.Referee.Email); // leak TC1001 direct
            logger.LogDebug("Found {Request}", request); // leak TC1001 logging-objects
            activity?.SetTag("referee.name", request.Referee.Name); // leak TC1001 direct
        }
        return Task.FromResult(request);
    }

    public Task<IReadOnlyList<ReferenceRequest>> OutstandingAsync(CancellationToken cancellationToken = default)
    {
        var outstanding = _requests.Values.ToList();
        logger.LogInformation("Outstanding reference requests: {Count}", outstanding.Count); // clean precision-about
        logger.LogDebug("Outstanding referees: {Referees}", string.Join(", ", outstanding.Select(r => r.Referee.Phone))); // leak TC1001 strings
        logger.LogDebug("Outstanding requests: {RequestIds}", outstanding.Select(r => r.RequestId).ToArray()); // clean precision-names
        return Task.FromResult<IReadOnlyList<ReferenceRequest>>(outstanding);
    }

    public Task SaveAsync(ReferenceReceived reference, CancellationToken cancellationToken = default)
    {
        using var activity = Source.StartActivity("references.save");
        _received.Add(reference);
        var outcome = new ReferenceOutcome(reference.RequestId, reference.Rating >= 3, 4);
        logger.LogInformation("Saved reference {@Outcome}", outcome); // clean logging-objects
        logger.LogInformation("Saved reference with comment of {Length} characters", reference.Comments.Length); // clean precision-about
        if (_requests.TryGetValue(reference.RequestId, out var request))
        {
            logger.LogInformation("Saved reference for candidate {Candidate}", pseudonymizer.ComputeSupplyhireCandidateId(request.CandidateId)); // clean precision-pseudonym
            using var scope = logger.BeginScope("Candidate {CandidateId}", request.CandidateId); // leak TC1001 direct
            logger.LogInformation("Reference link was {FormLink}", request.FormLink); // leak TC1001 direct
        }
        return Task.FromResult(0);
    }
}
