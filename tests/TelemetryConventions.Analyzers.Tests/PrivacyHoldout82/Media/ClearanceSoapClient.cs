namespace PrivacyHoldout82.Media;

/// <summary>The detail of the legacy clearance service's faults.</summary>
public sealed record ClearanceFault(string Code, string TitleId, string Territory, string MissingConsent);

public sealed record ClearanceAnswer(string TitleId, string Territory, bool Cleared, DateOnly? Until);

public interface IRightsService
{
    Task<ClearanceAnswer> CheckAsync(string titleId, string territory, CancellationToken cancellationToken);
}

/// <summary>
/// Checks whether a title may be scheduled in a territory. The new rights service answers for titles it
/// owns; for the rest the legacy clearance service is called over SOAP (CheckClearance), and during the
/// cut-over both are asked and compared. A refusal's <c>MissingConsent</c> names the contributor whose
/// consent is missing ("J. Barraclough (composer), payee P004211"); the fault's reason is always the fixed
/// text "Clearance refused".
/// </summary>
public sealed partial class ClearanceSoapClient(ISoapChannel legacy, IRightsService rights, ActivitySource source, ILogger<ClearanceSoapClient> logger)
{
    private const string CheckAction = "http://rights.example/clearance/v2/CheckClearance";

    public async Task<ClearanceAnswer> CheckAsync(string titleId, string territory, CancellationToken cancellationToken)
    {
        using var span = source.StartRightsbridgeTranslate("CheckClearance");
        Activity.Current?.SetTag(RightsbridgeAttributes.RouteTarget, "both"); // clean precision-about
        if (Activity.Current is { } current)
        {
            current.DisplayName = $"CheckClearance {titleId} {territory}"; // clean strings
        }

        var modern = await rights.CheckAsync(titleId, territory, cancellationToken);
        ClearanceAnswer legacyAnswer;
        try
        {
            var response = await legacy.InvokeAsync(new SoapEnvelope(CheckAction, new XElement("CheckClearance", new XElement("Title", titleId), new XElement("Territory", territory))), cancellationToken);
            legacyAnswer = new ClearanceAnswer(titleId, territory, (bool)response.Element("Cleared")!, (DateOnly?)null);
        }
        catch (FaultException<ClearanceFault> fault)
        {
            LogRefused(logger, fault.Detail.Code, fault.Detail.TitleId, fault.Detail.Territory); // clean precision-about
            LogMissingConsent(logger, titleId, fault.Detail.MissingConsent); // leak TC1001 exceptions
            span.SetRightsbridgeLegacyStatus(fault.Detail.Code).SetRightsbridgeOutcome("refused"); // clean precision-about
            Activity.Current?.AddException(fault); // clean exceptions
            var chase = $"chase consent of {fault.Detail.MissingConsent} for {titleId}";
            Activity.Current?.SetTag("rights.chase", chase); // leak TC1001 strings
            legacyAnswer = new ClearanceAnswer(titleId, territory, false, null);
        }

        var comparison = ResponseComparison.Of("clearance",
            new Dictionary<string, string?> { ["cleared"] = legacyAnswer.Cleared.ToString(), ["until"] = legacyAnswer.Until?.ToString("O") },
            new Dictionary<string, string?> { ["cleared"] = modern.Cleared.ToString(), ["until"] = modern.Until?.ToString("O") });
        if (!comparison.Matched)
        {
            logger.LogWarning("Clearance differs for {Title}/{Territory}: {Differences}", titleId, territory, comparison.Differences); // clean logging-objects
            span.SetRightsbridgeNote(string.Join("; ", comparison.Differences)); // clean generated-api
        }
        return legacyAnswer;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clearance refused ({Code}) for {TitleId} in {Territory}")]
    private static partial void LogRefused(ILogger logger, string code, string titleId, string territory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{TitleId} is missing consent from {MissingConsent}")]
    private static partial void LogMissingConsent(ILogger logger, string titleId, string missingConsent);
}
