using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout20.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout20.Gaming;

public sealed record MatchFound(long MatchId, string Region, IReadOnlyList<Guid> PlayerIds, string Mode);

public sealed record PartyState(Guid LeaderId, List<Guid> Members, string Region, int Rating);

/// <summary>Matchmaking over Dapr pub/sub; parties are kept in the state store under <c>party:{playerId}</c>.</summary>
[ApiController]
[Route("matchmaking")]
public sealed class MatchmakingController(DaprClient dapr, Pseudonymizer pseudonymizer, ILogger<MatchmakingController> logger) : ControllerBase
{
    private const string PubSub = "pubsub";
    private const string Store = "statestore";

    [HttpPost("party-ready")]
    public async Task<ActionResult> PartyReady([FromBody] PartyState party, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string>
        {
            ["partitionKey"] = party.LeaderId.ToString(),
            ["cloudevent.subject"] = party.LeaderId.ToString(),
            ["ttlInSeconds"] = "120",
        };

        await dapr.PublishEventAsync(PubSub, "party-ready", party, metadata, cancellationToken);
        Activity.Current?.SetTag("messaging.dapr.metadata", string.Join(";", metadata.Select(kv => $"{kv.Key}={kv.Value}"))); // leak TC1001 strings
        Activity.Current?.SetTag("messaging.dapr.metadata_keys", string.Join(";", metadata.Keys)); // clean precision-names
        Activity.Current?.SetBaggage("party.leader", party.LeaderId.ToString()); // leak TC1001 direct
        Activity.Current?.SetBaggage("party.size", party.Members.Count.ToString()); // clean precision-about
        return Ok();
    }

    [Topic(PubSub, "party-ready")]
    [HttpPost("on-party-ready")]
    public ActionResult OnPartyReady([FromBody] CloudEvent<PartyState> evt)
    {
        Activity.Current?.SetTag("cloudevents.event_id", evt.Id); // clean precision-names
        Activity.Current?.SetTag("cloudevents.event_subject", evt.Subject); // leak TC1001 cross-member
        Activity.Current?.SetTag("party.leader.ref", pseudonymizer.ComputeWorkflowPartyId(evt.Data.LeaderId.ToString())); // clean precision-pseudonym
        return Ok();
    }

    [Topic(PubSub, "match-found", DeadLetterTopic = "match-found-dead")]
    [HttpPost("on-match-found")]
    public async Task<ActionResult> OnMatchFound([FromBody] CloudEvent<MatchFound> evt, CancellationToken cancellationToken)
    {
        logger.LogInformation("Match {MatchId} found in {Region} for {Players} players", evt.Data.MatchId, evt.Data.Region, evt.Data.PlayerIds.Count); // clean precision-about

        Activity.Current?.SetTag("match.players", string.Join(",", evt.Data.PlayerIds)); // leak TC1001 strings
        foreach (var playerId in evt.Data.PlayerIds)
        {
            var key = $"party:{playerId}";
            var party = await dapr.GetStateAsync<PartyState?>(Store, key, cancellationToken: cancellationToken);
            if (party is null)
            {
                logger.LogWarning("No party state under {Key}", key); // leak TC1001 strings
                continue;
            }

            logger.LogDebug("Party of {Members}, rating {Rating}", party.Members.Count, party.Rating);
            await dapr.DeleteStateAsync(Store, key, cancellationToken: cancellationToken);
        }

        var matchKey = $"match:{evt.Data.MatchId}";
        await dapr.SaveStateAsync(Store, matchKey, evt.Data, cancellationToken: cancellationToken);
        logger.LogInformation("Saved {Key}", matchKey); // clean precision-names
        return Ok();
    }

    [Topic(PubSub, "match-found-dead")]
    [HttpPost("on-match-found-dead")]
    public ActionResult OnMatchFoundDeadLetter([FromBody] CloudEvent<MatchFound> evt)
    {
        logger.LogError("Match-found event {EventId} dead-lettered for match {MatchId}", evt.Id, evt.Data.MatchId); // clean precision-names
        logger.LogError("Dead-lettered event {@Event}", evt); // leak TC1001 logging-objects
        return Ok();
    }
}
