namespace PrivacyHoldout172.Media;

/// <summary>
/// The legal desk's matters for defamation and privacy claims brought against the broadcaster, stored in the
/// practice management system, with the claimant as the matter's client counterpart.
/// </summary>
public sealed partial class DefamationMatterRepository(
    IClientStore clients,
    ILogger<DefamationMatterRepository> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private const string Firm = "Wiggin";
    private readonly Dictionary<string, Matter> _cache = new();

    public async Task<Matter?> GetAsync(string matterId, CancellationToken cancellationToken)
    {
        using var span = source.StartPresslegalOperation(Firm);
        span.SetPresslegalMatterId(matterId); // clean generated-api

        if (_cache.TryGetValue(matterId, out var cached))
        {
            LogHit(logger, matterId, cached.Status); // clean direct
            return cached;
        }

        var matter = await clients.FindMatterAsync(matterId, cancellationToken);
        if (matter is null)
        {
            throw new MatterClosedException(matterId);
        }

        _cache[matterId] = matter;
        span.SetPresslegalClientId(pseudonymizer.PseudonymizePresslegalClientId(matter.ClientNumber)); // clean generated-api
        span.SetPresslegalFeeEarnerId(pseudonymizer.PseudonymizePresslegalFeeEarnerId(matter.FeeEarnerId)); // clean generated-api
        span.SetPresslegalNote($"{matter.PracticeArea} matter, {matter.Status}"); // clean generated-api
        span.SetPresslegalOutcome(matter.ClientNumber); // leak TC1001 generated-api
        LogLoaded(logger, matter); // leak TC1001 logging-objects
        return matter;
    }

    public async Task SaveAsync(Matter matter, CancellationToken cancellationToken)
    {
        try
        {
            await clients.SaveAsync(matter, cancellationToken);
            logger.LogInformation("Saved matter {MatterId} ({PracticeArea})", matter.MatterId, matter.PracticeArea); // clean direct
            logger.LogInformation("Saved matter {MatterId} for claimant {ClaimantNumber}", matter.MatterId, matter.ClientNumber); // leak TC1001 direct
            meter.CreatePresslegalOperationsCounter().Add(1, Firm, "saved"); // clean generated-api
        }
        catch (MatterClosedException ex)
        {
            logger.LogPresslegalOperationFailedEvent(Firm, "closed", pseudonymizer.PseudonymizePresslegalClientId(matter.ClientNumber), ex.Message); // clean exceptions
        }
        catch (DuplicateClientException ex)
        {
            logger.LogPresslegalOperationFailedEvent(Firm, "duplicate", pseudonymizer.PseudonymizePresslegalClientId(matter.ClientNumber), ex.Message); // leak TC1001 exceptions
        }
    }

    public IReadOnlyList<MatterSummary> Open() =>
        _cache.Values.Where(m => m.Status == "open").Select(m => new MatterSummary(m.MatterId, m.PracticeArea, m.Status)).ToList();

    public void ReportOpen()
    {
        logger.LogInformation("Open matters: {Matters}", Open()); // clean logging-objects
        logger.LogInformation("Open matters by claimant: {Claimants}", _cache.Values.Select(m => m.ClientNumber)); // leak TC1001 logging-objects
        logger.LogInformation("Open matters by fee earner: {Matters}", _cache.Values.GroupBy(m => m.FeeEarnerId).ToDictionary(g => g.Key, g => g.Count())); // leak TC1001 logging-objects
        logger.LogInformation("Open matters by practice area: {Matters}", _cache.Values.GroupBy(m => m.PracticeArea).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Debug, Message = "Matter cache hit {MatterId} ({Status})")]
    private static partial void LogHit(ILogger logger, string matterId, string status);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Debug, Message = "Matter loaded {Matter}")]
    private static partial void LogLoaded(ILogger logger, Matter matter);
}
