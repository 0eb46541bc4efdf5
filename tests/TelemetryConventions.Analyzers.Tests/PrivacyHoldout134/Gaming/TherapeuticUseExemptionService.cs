namespace PrivacyHoldout134.Gaming;

/// <summary>A pro player's declaration of a prescribed medicine for the league's anti-doping rules.</summary>
public sealed record TueDeclaration(string DeclarationId, Guid PlayerId, string Gamertag, string LegalName, string League, string Substance, string PrescriberName, DateOnly ValidUntil, string? ClinicalSummary);

/// <summary>The league rejected the declaration; quotes the player's gamertag and the substance.</summary>
public sealed class TueRejectedException(string gamertag, string substance) : Exception($"TUE for {gamertag} ({substance}) rejected")
{
    public string Substance { get; } = substance;
}

/// <summary>The team doctor's desk: players declare prescribed medicines (ADHD stimulants, inhalers) before tournaments.</summary>
public sealed partial class TherapeuticUseExemptionService(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<TherapeuticUseExemptionService> logger)
{
    private static readonly ActivitySource Source = new("Team.Medical");
    private static readonly Meter Meter = new("Team.Medical");
    private static readonly Counter<long> Declarations = Meter.CreateCounter<long>("team.tue.declarations");
    private readonly EsportsmedDeclarationsCounter _declarations = Meter.CreateEsportsmedDeclarationsCounter();

    private Guid _lastRejectedPlayer;

    public void Submit(TueDeclaration declaration)
    {
        using var span = Source.StartEsportsmedDeclaration(esportsmedVenue: declaration.League);
        span.SetEsportsmedSubstance(declaration.Substance); // clean precision-names
        span.SetEsportsmedPlayerId(pseudonymizer.PseudonymizeEsportsmedPlayerId(declaration.PlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("tue.declaration", declaration.DeclarationId); // clean precision-names
        span.Activity?.SetTag("tue.valid_days", declaration.ValidUntil.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber); // clean precision-about
        span.Activity?.SetTag("tue.gamertag", declaration.Gamertag); // leak TC1001 direct
        span.Activity?.SetTag("tue.cohort", declaration.PlayerId.GetHashCode() & 7); // leak TC1002 hashes
        span.Activity?.SetTag("tue.lane", HMACSHA256.HashData(secrets.ShardKey, declaration.PlayerId.ToByteArray())[0] % 4); // clean hashes
        span.SetEsportsmedNote($"summary {declaration.ClinicalSummary?.Length ?? 0} chars"); // clean generated-api
        logger.LogInformation("TUE submitted {@Declaration}", declaration); // leak TC1001 logging-objects
        LogPrescriber(logger, declaration.PrescriberName, declaration.Substance); // leak TC1001 logging-objects
        Declarations.Add(1, new TagList { { "league", declaration.League }, { "substance", declaration.Substance } }); // clean precision-names
        _declarations.Add(1, esportsmedVenue: declaration.League, esportsmedOutcome: "submitted"); // clean generated-api
    }

    public void OnLeagueDecision(TueDeclaration declaration, bool approved)
    {
        try
        {
            if (!approved)
            {
                throw new TueRejectedException(declaration.Gamertag, declaration.Substance);
            }
        }
        catch (TueRejectedException ex)
        {
            _lastRejectedPlayer = declaration.PlayerId;
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("tue.rejected.substance", ex.Substance); // clean exceptions
            logger.LogEsportsmedDeclarationFailedEvent(esportsmedVenue: declaration.League, esportsmedOutcome: "rejected", esportsmedPlayerId: pseudonymizer.PseudonymizeEsportsmedPlayerId(declaration.PlayerId.ToString())); // clean generated-api
        }
    }

    public void Appeal() =>
        logger.LogInformation("Appeal lodged for {PlayerId}", _lastRejectedPlayer); // leak TC1001 cross-member

    [LoggerMessage(Level = LogLevel.Information, Message = "Prescribed by {Prescriber}: {Substance}")]
    private static partial void LogPrescriber(ILogger logger, string prescriber, string substance);
}
