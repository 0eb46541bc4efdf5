using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout37.Support.ContactCentre;
using PrivacyHoldout37.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout37.Transport;

public sealed record PenaltyNotice(string NoticeNumber, string TravelCardNumber, decimal Amount, string Route, DateTimeOffset IssuedAt, string InspectorStaffNumber);

public sealed class FareDisputeException(string message) : Exception(message);

public interface IPenaltyNotices
{
    Task<PenaltyNotice?> FindAsync(string noticeNumber, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="FareDisputeException"/> when the card's journey history does not support the appeal.</summary>
    Task<string> OpenDisputeAsync(PenaltyNotice notice, string statement, CancellationToken cancellationToken);
}

public static partial class DisputeLog
{
    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Dispute {DisputeId} opened for notice {Notice} on card {Card}")]
    public static partial void DisputeOpened(ILogger logger, string disputeId, string notice, string card);
}

/// <summary>
/// Penalty fare appeals by phone: the caller keys the notice number, an agent takes the statement,
/// and the statement is transcribed and attached to the dispute.
/// </summary>
public sealed class PenaltyFareDisputeLine(
    IPenaltyNotices notices,
    ISpeechToText speech,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<PenaltyFareDisputeLine> logger)
{
    private static readonly ActivitySource Source = new("Transit.Revenue.DisputeLine");

    public async Task<string?> AppealAsync(string callSid, string callerNumber, string noticeNumber, Uri statementRecording, CancellationToken cancellationToken)
    {
        using var span = Source.StartCallHandle(callSid, spanName: "dispute.appeal");
        span.Activity?.SetTag("dispute.notice", noticeNumber); // clean direct
        var notice = await notices.FindAsync(noticeNumber, cancellationToken);
        if (notice is null)
        {
            span.SetCallNote($"notice {noticeNumber} not found"); // clean generated-api
            return null;
        }

        span.Activity?.SetTag("dispute.route", notice.Route);
        span.Activity?.SetTag("dispute.card.last4", notice.TravelCardNumber[^4..]); // clean precision-about
        span.Activity?.SetTag("dispute.inspector", notice.InspectorStaffNumber); // leak TC1001 direct
        span.Activity?.SetTag("dispute.card.hotlist_key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(notice.TravelCardNumber)))); // leak TC1002 hashes
        span.Activity?.SetTag("dispute.card.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(notice.TravelCardNumber))[0] % 8); // clean hashes
        span.SetCallCallerId(pseudonymizer.PseudonymizeCallCallerId(notice.TravelCardNumber)); // clean precision-pseudonym
        span.Activity?.SetTag(CallAttributes.CallerNumber, pseudonymizer.Pseudonymize("call.caller.number", callerNumber).Value); // leak TC1001 precision-pseudonym

        var transcript = await speech.TranscribeAsync(statementRecording, "en-GB", diarise: false, cancellationToken);
        span.Activity?.SetTag("dispute.statement.words", transcript.Text.Split(' ').Length); // clean precision-about
        try
        {
            var disputeId = await notices.OpenDisputeAsync(notice, transcript.Text, cancellationToken);
            DisputeLog.DisputeOpened(logger, disputeId, notice.NoticeNumber, notice.TravelCardNumber); // leak TC1001 direct
            logger.LogInformation("Dispute {DisputeId} statement: {Statement}", disputeId, transcript.Text); // leak TC1001 direct
            return disputeId;
        }
        catch (FareDisputeException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            logger.LogInformation("Appeal on notice {Notice} refused: {Reason}", notice.NoticeNumber, ex.GetType().Name); // clean exceptions
            return null;
        }
    }
}

/// <summary>The dispute store's implementation: it checks the card's taps before opening an appeal.</summary>
public sealed class PenaltyNoticeStore(IReadOnlyDictionary<string, PenaltyNotice> notices, Func<string, DateTimeOffset, bool> tappedIn) : IPenaltyNotices
{
    public Task<PenaltyNotice?> FindAsync(string noticeNumber, CancellationToken cancellationToken) =>
        Task.FromResult(notices.TryGetValue(noticeNumber, out var notice) ? notice : null);

    public Task<string> OpenDisputeAsync(PenaltyNotice notice, string statement, CancellationToken cancellationToken)
    {
        if (!tappedIn(notice.TravelCardNumber, notice.IssuedAt))
        {
            throw new FareDisputeException($"Card {notice.TravelCardNumber} has no tap-in before {notice.IssuedAt:HH:mm}; the notice stands.");
        }
        return Task.FromResult($"DSP-{notice.NoticeNumber}");
    }
}
