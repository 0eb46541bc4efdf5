using System.Globalization;

namespace PrivacyHoldout83.Gaming;

public sealed record BanAppeal(long TicketId, Guid PlayerId, string Gamertag, string BanReason, string AppealText, string Platform);

/// <summary>
/// Ban appeals arrive as tickets; tier 1 escalates the ones it cannot decide to the trust and safety
/// team, with agent-assist suggestions for the reply.
/// </summary>
public sealed class BanAppealEscalations(
    HelpdeskClient helpdesk,
    IChatPlatform chat,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<BanAppealEscalations> logger)
{
    public async Task EscalateAsync(BanAppeal appeal, string agentTeam, CancellationToken cancellationToken)
    {
        using var span = source.StartPlayerhelpTicket(appeal.TicketId.ToString(CultureInfo.InvariantCulture)); // clean precision-about
        span.SetPlayerhelpAgentTeam("trust-safety").SetPlayerhelpPriority("high");
        var player = pseudonymizer.PseudonymizePlayerhelpRequesterId(appeal.PlayerId.ToString());
        span.SetPlayerhelpRequesterId(player); // clean precision-pseudonym
        meter.CreatePlayerhelpEscalationsCounter().Add(1, agentTeam); // clean precision-about
        meter.CreatePlayerhelpEscalationsCounter().Add(1, agentTeam, playerhelpRequesterId: player); // leak TC1003 precision-pseudonym

        logger.LogInformation("Ban appeal {TicketId} for a {BanReason} ban on {Platform} escalated", appeal.TicketId, appeal.BanReason, appeal.Platform); // clean precision-about
        logger.LogInformation("Appeal text: {AppealText}", appeal.AppealText); // leak TC1001 direct
        logger.LogInformation("Appeal from {Gamertag}", appeal.Gamertag); // leak TC1001 direct
        logger.LogDebug("Appeal {Appeal}", appeal); // leak TC1001 logging-objects
        logger.LogDebug("Appeal length {Length}, gamertag length {GamertagLength}", appeal.AppealText.Length, appeal.Gamertag.Length); // clean precision-about

        var legacyBucket = appeal.PlayerId.GetHashCode() % 10;
        Activity.Current?.SetTag("playerhelp.review.bucket", legacyBucket); // leak TC1002 hashes
        Activity.Current?.SetTag("playerhelp.gamertag.sha", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(appeal.Gamertag)))[..12]); // leak TC1002 hashes

        await helpdesk.AssignAsync(appeal.TicketId, "trust-safety", assigneeId: null, cancellationToken);
        meter.CreatePlayerhelpTicketsCounter().Add(1, "trust-safety", "escalated");
    }

    public bool Validate(BanAppeal appeal)
    {
        try
        {
            Check(appeal);
            return true;
        }
        catch (ArgumentException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Appeal {TicketId} invalid: {ParamName}", appeal.TicketId, ex.ParamName); // clean exceptions
            return false;
        }
    }

    private static void Check(BanAppeal appeal)
    {
        if (string.IsNullOrWhiteSpace(appeal.AppealText))
        {
            throw new ArgumentException($"Appeal {appeal.TicketId} from {appeal.Gamertag} has no text", nameof(appeal));
        }
    }

    public async Task SuggestReplyAsync(string conversationId, BanAppeal appeal, CancellationToken cancellationToken)
    {
        var suggestions = await chat.SuggestAsync(conversationId, cancellationToken);
        Activity.Current?.SetTag("playerhelp.assist.count", suggestions.Count); // clean precision-about
        Activity.Current?.SetTag("playerhelp.assist.macros", suggestions.Select(s => s.MacroId).ToArray()); // clean precision-about
        var best = suggestions.MaxBy(s => s.Score);
        if (best is null)
        {
            return;
        }
        logger.LogInformation("Assist suggestion {SuggestionId} from {MacroId} scored {Score:F2}", best.SuggestionId, best.MacroId, best.Score); // clean precision-about
        logger.LogDebug("Assist suggested: {Text}", best.Text); // leak TC1001 direct
        logger.LogDebug("All suggestions {Suggestions}", string.Join("; ", suggestions)); // leak TC1001 logging-objects
        Activity.Current?.AddEvent(new ActivityEvent("playerhelp.assist.used", tags: new ActivityTagsCollection { ["macro"] = best.MacroId, ["ticket"] = appeal.TicketId })); // clean precision-about
    }
}
