using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout22.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout22.Gaming;

/// <summary>
/// Calls the storefront platform's web API to resolve linked accounts. The platform takes the
/// publisher's key and the players' platform ids in the query
/// (<c>GetPlayerSummaries/v2/?key=…&amp;steamids=7656119…</c>).
/// </summary>
public sealed class PlatformApiLoggingHandler(ILogger<PlatformApiLoggingHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var uri = request.RequestUri!;
        logger.LogDebug("Platform call {Uri} -> {Status}", WithoutKey(uri), (int)response.StatusCode); // leak TC1001 strings
        logger.LogInformation("Platform call {Path} -> {Status}", uri.AbsolutePath, (int)response.StatusCode); // clean precision-names
        logger.LogDebug("Platform call asked for {IdCount} accounts", IdsIn(uri).Count); // clean precision-about
        return response;
    }

    /// <summary>Removes the publisher key before logging; the rest of the query stays.</summary>
    private static string WithoutKey(Uri uri)
    {
        var kept = uri.Query.TrimStart('?').Split('&').Where(p => !p.StartsWith("key=", StringComparison.Ordinal));
        return $"{uri.GetLeftPart(UriPartial.Path)}?{string.Join('&', kept)}";
    }

    private static List<string> IdsIn(Uri uri) =>
        uri.Query.TrimStart('?').Split('&')
            .Where(p => p.StartsWith("steamids=", StringComparison.Ordinal))
            .SelectMany(p => p["steamids=".Length..].Split(','))
            .ToList();
}

public enum ModerationAction
{
    Mute,
    Kick,
    Ban,
}

public enum ModerationReason
{
    Cheating,
    Harassment,
    OffensiveName,
}

/// <summary>The moderation audit trail of the game's support tools.</summary>
public sealed partial class ModerationAudit(ILogger<ModerationAudit> logger, Pseudonymizer pseudonymizer)
{
    public void Record(string moderatorAccountId, string targetPlayerId, string targetGamertag, ModerationAction action, ModerationReason reason)
    {
        var actor = pseudonymizer.PseudonymizeAuditActorId(moderatorAccountId);
        logger.LogAuditRecordedEvent($"moderation.{action}".ToLowerInvariant(), actor, auditReason: reason.ToString()); // clean generated-api
        logger.LogAuditRecordedEvent("moderation.target", actor, auditResource: $"player/{targetPlayerId}"); // leak TC1001 generated-api
        logger.LogAuditRecordedEvent("moderation.target", actor, auditResource: $"player/{pseudonymizer.ComputeAuditActorId(targetPlayerId)}"); // clean precision-pseudonym

        Moderated(targetGamertag, action); // clean precision-pseudonym
        ModeratedOpenly(targetGamertag, action); // leak TC1001 direct
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Gamertag} received a {Action}")]
    private partial void Moderated([PrivateData] string gamertag, ModerationAction action);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Gamertag} received a {Action} (support view)")]
    private partial void ModeratedOpenly(string gamertag, ModerationAction action);
}
