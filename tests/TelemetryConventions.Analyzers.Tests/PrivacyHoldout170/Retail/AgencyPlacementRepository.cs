namespace PrivacyHoldout170.Retail;

/// <summary>Agency workers placed in stores: the placements table, with query logging and a cache.</summary>
public sealed class AgencyPlacementRepository(ILogger<AgencyPlacementRepository> logger, Pseudonymizer pseudonymizer) : ICandidateStore
{
    private static readonly ActivitySource Source = new("Retailer.Agency.Placements");
    private static readonly Meter Meter = new("Retailer.Agency.Placements");
    private static readonly Counter<long> CacheMisses = Meter.CreateCounter<long>("placements.cache.misses");
    private readonly Dictionary<string, Candidate> _byId = new();
    private readonly Dictionary<string, Candidate> _byEmail = new(StringComparer.OrdinalIgnoreCase);

    public Task<Candidate?> FindAsync(string candidateId, CancellationToken cancellationToken = default)
    {
        using var activity = Source.StartActivity("candidates.find");
        activity?.SetTag("db.system", "postgresql"); // clean precision-names
        activity?.SetTag("db.statement", "SELECT * FROM candidates WHERE candidate_id = @id"); // clean precision-names
        activity?.SetTag("db.statement", $"SELECT * FROM candidates WHERE candidate_id = '{candidateId}'"); // leak TC1001 strings
        if (!_byId.TryGetValue(candidateId, out var candidate))
        {
            CacheMisses.Add(1, new KeyValuePair<string, object?>("table", "candidates")); // clean precision-names
            logger.LogDebug("Cache miss for candidate {Candidate}", pseudonymizer.PseudonymizeStorehireCandidateId(candidateId)); // clean precision-pseudonym
        }
        return Task.FromResult(candidate);
    }

    public Task<Candidate?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        using var activity = Source.StartActivity("candidates.find_by_email");
        activity?.SetTag("lookup.email_length", email.Length); // clean precision-about
        activity?.SetTag("lookup.key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())))); // leak TC1002 hashes
        _byEmail.TryGetValue(email, out var candidate);
        activity?.SetTag("cache.key", CacheKey(email)); // leak TC1001 cross-member
        activity?.SetTag("cache.region", CacheRegion(email)); // clean cross-member
        activity?.SetTag("lookup.found", candidate is not null); // clean precision-about
        return Task.FromResult(candidate);
    }

    public Task SaveAsync(Placement placement, CancellationToken cancellationToken = default)
    {
        using var activity = Source.StartActivity("placements.save");
        activity?.SetTag("placement.id", placement.PlacementId); // clean precision-names
        activity?.SetTag("placement.client_id", placement.ClientId); // clean precision-names
        activity?.SetTag("placement.hourly_rate", (double)placement.HourlyRate); // clean precision-about
        logger.LogInformation("Saving placement {Placement}", placement); // leak TC1001 logging-objects
        logger.LogInformation("Saving placement {PlacementId} as {Role}", placement.PlacementId, placement.Role); // clean precision-names
        var summary = new PlacementSummary(placement.PlacementId, placement.Role, "active");
        logger.LogInformation("Saved {Summary}", summary); // clean logging-objects
        logger.LogInformation("Saved placement for {Candidate}", string.Concat("candidate-", placement.CandidateId)); // leak TC1001 strings
        return Task.CompletedTask;
    }

    private static string CacheKey(string email) => "candidate:email:" + email.ToLowerInvariant();

    private static string CacheRegion(string email) => email.EndsWith(".ac.uk", StringComparison.OrdinalIgnoreCase) ? "students" : "general";
}
