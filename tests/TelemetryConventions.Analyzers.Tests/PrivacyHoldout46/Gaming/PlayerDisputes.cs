using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout46.Support;
using PrivacyHoldout46.Support.Legal;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Gaming;

/// <summary>A player's dispute over voided winnings, escalated to the operator's ADR provider.</summary>
public sealed record DisputeCase(
    string DisputeId,
    Guid PlayerId,
    string Gamertag,
    string Email,
    string Complaint,
    decimal AmountClaimed,
    string AdrProvider,
    string AdrReference);

/// <summary>Thrown when a dispute is moved to a state its workflow does not allow.</summary>
public sealed class DisputeStateException(string disputeId, string from, string to)
    : Exception($"Dispute {disputeId} cannot move from {from} to {to}");

public sealed record EscalateDispute(DisputeCase Dispute, string CurrentState) : IRequest<string>;

/// <summary>
/// Builds the case file for the ADR provider: the complaint, the game round history and the chat with
/// support, filed in the matter's workspace.
/// </summary>
public sealed class EscalateDisputeHandler(
    ILogger<EscalateDisputeHandler> logger,
    IMatterDocumentStore documents,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter) : IRequestHandler<EscalateDispute, string>
{
    private static readonly ActivitySource Source = new("Casino.Disputes");
    private readonly Counter<long> _escalations = meter.CreateCounter<long>("disputes.escalated");

    public async Task<string> Handle(EscalateDispute request, CancellationToken cancellationToken)
    {
        var dispute = request.Dispute;
        using var scope = logger.BeginScope("Dispute {DisputeId}", dispute.DisputeId); // clean direct
        Activity.Current?.SetBaggage("player.id", dispute.PlayerId.ToString()); // leak TC1001 direct

        using var span = Source.StartLegalMatter("player-dispute");
        span.SetLegalMatterId(dispute.DisputeId);
        span.SetLegalCustodianRef(pseudonymizer.PseudonymizeLegalCustodianRef(dispute.PlayerId.ToString())); // clean precision-pseudonym
        span.SetLegalNote(dispute.Complaint); // leak TC1001 generated-api
        span.SetLegalNote($"referred to {dispute.AdrProvider} as {dispute.AdrReference}"); // clean generated-api

        logger.LogInformation("Dispute claims {Amount} with {AdrProvider}", dispute.AmountClaimed, dispute.AdrProvider); // clean precision-about
        logger.LogInformation("Dispute raised by {Gamertag} <{Email}>", dispute.Gamertag, dispute.Email); // leak TC1001 direct
        Activity.Current?.SetTag("dispute.claimant", Claimant(dispute)); // leak TC1001 cross-member
        Activity.Current?.SetTag("dispute.review_lane", ReviewLane(dispute.PlayerId)); // clean hashes

        if (request.CurrentState != "final-response-sent")
        {
            var ex = new DisputeStateException(dispute.DisputeId, request.CurrentState, "escalated");
            logger.LogWarning(ex, "Escalation refused"); // clean exceptions
            throw ex;
        }

        var chatPath = $"disputes/{dispute.DisputeId}/support-chat-{dispute.PlayerId:N}.json";
        var chat = await documents.FileAsync(dispute.DisputeId, chatPath, Array.Empty<byte>(), "dispute-bot", cancellationToken);
        logger.LogInformation("Support chat filed as {Path}", chat.FileName); // leak TC1001 strings

        var roundsPath = $"disputes/{dispute.DisputeId}/rounds.csv";
        await documents.FileAsync(dispute.DisputeId, roundsPath, Array.Empty<byte>(), "dispute-bot", cancellationToken);
        logger.LogInformation("Round history filed as {Path}", roundsPath); // clean strings

        _escalations.Add(1, new KeyValuePair<string, object?>("adr.provider", dispute.AdrProvider)); // clean direct
        meter.CreateLegalExportsCounter().Add(1, "player-dispute", "filed"); // clean generated-api
        return dispute.AdrReference;
    }

    private static string Claimant(DisputeCase dispute) => $"{dispute.Gamertag} ({dispute.PlayerId:N})";

    // Disputes of one player always go to the same of four reviewers.
    private int ReviewLane(Guid playerId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(playerId.ToString("N")))[0] & 3;
    }
}
