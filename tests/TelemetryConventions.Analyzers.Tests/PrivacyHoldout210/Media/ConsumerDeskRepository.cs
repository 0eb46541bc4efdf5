using PrivacyHoldout210.Support;
using PrivacyHoldout210.Telemetry;

namespace PrivacyHoldout210.Media;

/// <summary>A viewer who wrote in about bailiffs or a council tax bill.</summary>
public sealed record ViewerTipOff(string TipId, string ViewerId, string ViewerName, string ViewerEmail, string Council, string Story, string? AgentName, decimal? AmountClaimed);

/// <summary>A story on the desk's planning grid: no viewer in it.</summary>
public sealed record StorySlot(string StoryId, string Programme, DateOnly AirDate, string Council, int TipOffs);

/// <summary>A tip-off that could not be filed: the message quotes the viewer's email.</summary>
public sealed class TipOffRejectedException(string viewerEmail, string reason) : Exception($"Tip-off from {viewerEmail} rejected: {reason}");

/// <summary>The planning system was down: the message quotes a status code.</summary>
public sealed class PlanningUnavailableException(int status) : Exception($"Planning system returned {status}");

public sealed partial class ConsumerDeskRepository(
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<ConsumerDeskRepository> logger)
{
    private readonly Counter<long> _tipOffs = meter.CreateCounter<long>("desk.tipoffs");
    private readonly List<ViewerTipOff> _heldForLegal = new();
    private string? _longestStoryViewer;

    public StorySlot File(ViewerTipOff tip, string programme)
    {
        using var span = source.StartTaxdeskOperation(programme);
        span.SetTaxdeskResidentId(pseudonymizer.PseudonymizeTaxdeskResidentId(tip.ViewerId)); // clean generated-api
        span.SetTaxdeskKind(tip.AgentName is null ? "council-tax" : "enforcement"); // clean generated-api
        span.SetTaxdeskNote(tip.Story); // leak TC1001 generated-api
        span.SetTaxdeskNote($"tip-off {tip.TipId} about {tip.Council}"); // clean generated-api

        var activity = Activity.Current;
        activity?.SetTag("desk.tip.id", tip.TipId); // clean precision-names
        activity?.SetTag("desk.council", tip.Council); // clean precision-names
        activity?.SetTag("desk.viewer.id", tip.ViewerId); // leak TC1001 direct
        activity?.SetTag("desk.viewer.email", tip.ViewerEmail); // leak TC1001 direct
        activity?.SetTag("desk.agent.name", tip.AgentName); // leak TC1001 direct
        activity?.SetTag("desk.agent.named", tip.AgentName is not null); // clean precision-about
        activity?.SetTag("desk.amount_claimed", tip.AmountClaimed); // clean precision-about
        activity?.SetTag("desk.story.length", tip.Story.Length); // clean precision-about
        activity?.SetTag("desk.viewer_count", 1); // clean precision-names
        _tipOffs.Add(1, new KeyValuePair<string, object?>("programme", programme)); // clean precision-names
        _tipOffs.Add(1, new KeyValuePair<string, object?>("viewer", pseudonymizer.ComputeTaxdeskResidentId(tip.ViewerId))); // leak TC1003 precision-pseudonym
        meter.CreateTaxdeskOperationsCounter().Add(1, programme, "filed"); // clean generated-api

        if (tip.Story.Length > (_longestStoryViewer?.Length ?? 0))
        {
            _longestStoryViewer = tip.ViewerName;
        }

        if (tip.Story.Contains("court", StringComparison.OrdinalIgnoreCase))
        {
            _heldForLegal.Add(tip);
        }

        TipFiled(logger, tip.TipId, tip.ViewerName); // clean logging-objects
        TipFiledFrom(logger, tip.TipId, tip.ViewerEmail); // leak TC1001 direct
        logger.LogInformation("Tip-off {@Tip}", tip); // leak TC1001 logging-objects
        logger.LogInformation("Tip-off {Tip}", new { tip.TipId, tip.Council, HasAgent = tip.AgentName is not null }); // clean logging-objects
        logger.LogInformation("Tip-off from {Viewer}: {Story}", pseudonymizer.ComputeTaxdeskResidentId(tip.ViewerId), tip.Story); // leak TC1001 direct
        logger.LogInformation("Tip-off from {Viewer}", pseudonymizer.ComputeTaxdeskResidentId(tip.ViewerId)); // clean precision-pseudonym

        var slot = new StorySlot(Guid.NewGuid().ToString("N")[..10], programme, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)), tip.Council, 1);
        logger.LogInformation("Slot {@Slot}", slot); // clean logging-objects
        return slot;
    }

    public void Reject(ViewerTipOff tip, string reason)
    {
        var ex = new TipOffRejectedException(tip.ViewerEmail, reason);
        using var span = source.StartTaxdeskOperation("desk");
        span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
        span.RecordException(ex); // clean exceptions
        logger.LogTaxdeskOperationFailedEvent("desk", "rejected", pseudonymizer.PseudonymizeTaxdeskResidentId(tip.ViewerId), ex.Message); // leak TC1001 generated-api
    }

    public void PlanningDown(int status)
    {
        var ex = new PlanningUnavailableException(status);
        Activity.Current?.AddException(ex); // clean exceptions
        logger.LogError(ex, "Planning down"); // clean exceptions
    }

    public void LegalReview()
    {
        logger.LogInformation("Held for legal: {Viewers}", string.Join(", ", _heldForLegal.Select(t => t.ViewerName))); // leak TC1001 cross-member
        logger.LogInformation("Held for legal: {Count}", _heldForLegal.Count); // clean cross-member
        Activity.Current?.SetTag("desk.longest_story.viewer", _longestStoryViewer); // leak TC1001 cross-member
        Activity.Current?.SetTag("desk.legal.councils", string.Join(",", _heldForLegal.Select(t => t.Council).Distinct())); // clean cross-member
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(_heldForLegal.FirstOrDefault()?.ViewerEmail ?? ""));
        logger.LogInformation("Legal key {Key}", Convert.ToHexString(digest)); // leak TC1002 hashes
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Tip-off {TipId} from {ViewerName}")]
    private static partial void TipFiled(ILogger logger, string tipId, [PrivateData] string viewerName);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "Tip-off {TipId} from {ViewerEmail}")]
    private static partial void TipFiledFrom(ILogger logger, string tipId, string viewerEmail);
}
