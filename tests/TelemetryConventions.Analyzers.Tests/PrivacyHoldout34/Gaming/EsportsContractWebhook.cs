using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout34.Support.ESign;
using PrivacyHoldout34.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout34.Gaming;

public sealed class RosterLockedException(string gamertag, string team)
    : Exception($"Player {gamertag} cannot join {team}: the roster is locked for the split.");

public sealed class SplitNotOpenException(string team, string split)
    : Exception($"{team} has no open roster for split {split}.");

public interface IRosterService
{
    /// <exception cref="RosterLockedException">The team's roster is locked.</exception>
    /// <exception cref="SplitNotOpenException">The split has not opened.</exception>
    Task AddSignedPlayerAsync(string team, string gamertag, Guid playerId, CancellationToken cancellationToken);
}

/// <summary>Sends an esports player contract; the webhook below reads back its custom fields.</summary>
public sealed class EsportsContractSender(IEnvelopesApi envelopes, Pseudonymizer pseudonymizer, ILogger<EsportsContractSender> logger)
{
    public async Task<string> SendAsync(string accountId, string team, string split, Guid playerId, string gamertag, string legalName, string email, byte[] pdf, CancellationToken cancellationToken)
    {
        var definition = new EnvelopeDefinition
        {
            EmailSubject = $"{team} player contract, {split}",
            Status = "sent",
            Documents = { new Document { Name = $"{team} player contract", DocumentBase64 = Convert.ToBase64String(pdf) } },
            Recipients = new Recipients { Signers = { new Signer { Email = email, Name = legalName, RoleName = "Player", ClientUserId = playerId.ToString() } } },
            CustomFields = new CustomFields
            {
                TextCustomFields =
                {
                    new TextCustomField { Name = "team", Value = team },
                    new TextCustomField { Name = "gamertag", Value = gamertag },
                    new TextCustomField { Name = "player_id", Value = playerId.ToString() },
                    new TextCustomField { Name = "player_ref", Value = pseudonymizer.ComputeEsignSignerId(playerId.ToString()) },
                },
            },
        };

        var summary = await envelopes.CreateEnvelopeAsync(accountId, definition, cancellationToken);
        logger.LogInformation("Player contract {EnvelopeId} sent: {Subject}", summary.EnvelopeId, definition.EmailSubject); // clean strings
        logger.LogInformation("Player contract fields {Fields}", definition.CustomFields.TextCustomFields.Where(f => f.Name is "team" or "player_ref").ToList()); // clean logging-objects
        return summary.EnvelopeId;
    }
}

/// <summary>Esports player contracts: when the envelope completes, the player joins the team's roster.</summary>
[ApiController]
[Route("webhooks/contracts")]
public sealed class EsportsContractWebhook(
    IRosterService roster,
    Pseudonymizer pseudonymizer,
    ILogger<EsportsContractWebhook> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Esports.Contracts");

    [HttpPost("status")]
    public async Task<ActionResult> ReceiveAsync([FromBody] ConnectEvent evt, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("esports.contract.status");
        var summary = evt.Data.EnvelopeSummary;
        var fields = summary.CustomFields.TextCustomFields.ToDictionary(f => f.Name, f => f.Value ?? string.Empty);
        var gamertag = fields["gamertag"];
        var playerId = Guid.Parse(fields["player_id"]);
        var team = fields["team"];

        activity?.SetTag("esports.team", team); // clean precision-names
        activity?.SetTag("esports.contract.status", summary.Status);
        activity?.SetTag("esports.player.bucket", gamertag.GetHashCode() & 31); // leak TC1002 hashes
        activity?.SetTag("esports.player.ref", Pseudonym.FromComputed(fields["player_ref"]).Value); // clean precision-pseudonym
        Activity.Current?.SetBaggage("esports.gamertag", gamertag); // leak TC1001 direct
        logger.LogInformation("Contract {EnvelopeId} for {Team} is {Status}; sender {Sender}", evt.Data.EnvelopeId, team, summary.Status, summary.Sender.Email); // leak TC1001 direct

        activity?.AddEsignEnvelopeStatusChangedEvent(evt.Data.EnvelopeId, summary.Status, esignSignerId: pseudonymizer.PseudonymizeEsignSignerId(playerId.ToString()), esignNote: $"team {team}, retry {evt.RetryCount}"); // clean generated-api
        if (summary.Status != "completed")
        {
            return Ok();
        }

        try
        {
            await roster.AddSignedPlayerAsync(team, gamertag, playerId, cancellationToken);
        }
        catch (RosterLockedException ex)
        {
            logger.LogWarning(ex, "Signed contract {EnvelopeId} could not be applied", evt.Data.EnvelopeId); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, nameof(RosterLockedException)); // clean exceptions
            return Ok();
        }
        catch (SplitNotOpenException ex)
        {
            activity?.AddException(ex); // clean exceptions
            return Ok();
        }

        logger.LogInformation("Player {PlayerId} joined {Team}", playerId, team); // leak TC1001 direct
        logger.LogDebug("Applied contract payload {Payload}", JsonSerializer.Serialize(evt)); // leak TC1001 logging-objects
        return Ok();
    }
}

/// <summary>Signing reminders for players who have not opened their contract.</summary>
public sealed class ContractReminderJob(IEnvelopesApi envelopes, Pseudonymizer pseudonymizer, ILogger<ContractReminderJob> logger)
{
    public async Task RemindAsync(string accountId, IReadOnlyList<string> envelopeIds, CancellationToken cancellationToken)
    {
        foreach (var envelopeId in envelopeIds)
        {
            var recipients = await envelopes.ListRecipientsAsync(accountId, envelopeId, cancellationToken);
            var pending = recipients.Signers.Where(s => s.Status is "sent" or "delivered").ToList();
            logger.LogInformation("Envelope {EnvelopeId} waits on {Pending} of {Signers} signers", envelopeId, pending.Count, recipients.Signers.Count); // clean precision-about
            foreach (var signer in pending)
            {
                var playerRef = pseudonymizer.ComputeEsignSignerId(signer.ClientUserId ?? signer.Email ?? string.Empty);
                logger.LogInformation("Reminding signer {SignerRef} ({Role}) on {EnvelopeId}", playerRef, signer.RoleName, envelopeId); // clean precision-pseudonym
                Activity.Current?.AddEvent(new ActivityEvent("contract.reminder", tags: new ActivityTagsCollection { ["signer.email"] = signer.Email })); // leak TC1001 direct
            }
        }
    }
}
