using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TelemetryConventions;
using PrivacyHoldout59.Telemetry;

namespace PrivacyHoldout59.Gaming;

public sealed class InviteTelemetryOptions
{
    /// <summary>Tag keys of <see cref="PartyInvite.ToTags"/> that are not exported.</summary>
    public List<string> DroppedTags { get; set; } = ["squad.invite.from", "squad.invite.to"];
}

public sealed class PartyInviteHandler(
    Meter meter,
    Pseudonymizer pseudonymizer,
    IOptions<InviteTelemetryOptions> options,
    ILogger<PartyInviteHandler> logger)
{
    private static readonly ActivitySource Source = new("Squad.Invites");
    private static readonly string[] CountedBy = ["squad.playlist"];

    private readonly Counter<long> _invites = meter.CreateCounter<long>("squad.invites");

    public void Handle(PartyInvite invite, bool accepted)
    {
        using var activity = Source.StartActivity("squad.invite");
        var tags = invite.ToTags();
        foreach (var tag in tags) activity?.SetTag(tag.Key, tag.Value); // leak TC1001 cross-member
        foreach (var tag in tags) if (!options.Value.DroppedTags.Contains(tag.Key)) activity?.SetTag("kept." + tag.Key, tag.Value); // leak TC1001 cross-member
        activity?.SetTag("squad.invite.from_ref", pseudonymizer.ComputeSquadPlayerId(invite.FromPlayerId.ToString())); // clean precision-pseudonym
        activity?.SetTag("squad.invite.accepted", accepted); // clean precision-about

        var counted = new TagList();
        foreach (var tag in tags)
        {
            if (CountedBy.Contains(tag.Key))
            {
                counted.Add(tag);
            }
        }
        counted.Add("squad.invite.accepted", accepted);
        _invites.Add(1, counted); // clean precision-about
        _invites.Add(1, tags); // leak TC1003 cross-member

        logger.LogInformation("Invite {InviteId} to {LobbyId} accepted={Accepted}", invite.InviteId, invite.LobbyId, accepted); // clean precision-about
        logger.LogInformation("Invite {InviteId} from {From}", invite.InviteId, invite.FromGamertag); // leak TC1001 direct
        logger.LogInformation("Invite tags {Keys}", tags.Select(t => t.Key).ToList()); // clean precision-names
    }
}
