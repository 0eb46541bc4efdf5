using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using PrivacyHoldout27.Support;

namespace PrivacyHoldout27.Gaming;

public sealed record Party(string PartyId, string LeaderGamertag, int Size, string Mode);

/// <summary>
/// Party invitations travel from the social service to the session service over the broker; the
/// trace context and baggage go with them in the headers.
/// </summary>
public sealed class PartyInvitePublisher(IMessageProducer producer)
{
    public Task PublishInviteAsync(Party party, CancellationToken cancellationToken)
    {
        var player = PlayerContext.Current ?? throw new InvalidOperationException("No player in context.");

        Baggage.SetBaggage("arena.title", player.TitleId); // clean direct
        Baggage.SetBaggage("arena.player.ref", player.PlayerRef); // clean precision-pseudonym
        Baggage.SetBaggage("arena.player.id", player.PlayerId.ToString()); // leak TC1001 direct

        var message = new OutboundMessage { Topic = "party.invites", Key = party.PartyId, Body = Encoding.UTF8.GetBytes(party.Mode) };
        var baggage = Baggage.Create(new Dictionary<string, string> { ["party.id"] = party.PartyId, ["party.leader"] = party.LeaderGamertag }); // leak TC1001 direct
        Propagators.DefaultTextMapPropagator.Inject(new PropagationContext(Activity.Current?.Context ?? default, baggage), message.Headers, MessageHeaders.Set);
        return producer.ProduceAsync(message, cancellationToken);
    }

    public Task PublishPresenceAsync(string status, CancellationToken cancellationToken)
    {
        var player = PlayerContext.Current ?? throw new InvalidOperationException("No player in context.");
        var message = new OutboundMessage { Topic = "party.presence", Key = Guid.NewGuid().ToString("N"), Body = Encoding.UTF8.GetBytes(status) };
        Propagators.DefaultTextMapPropagator.Inject(new PropagationContext(Activity.Current?.Context ?? default, Baggage.Create(new Dictionary<string, string> { ["arena.title"] = player.TitleId, ["arena.player.ref"] = player.PlayerRef })), message.Headers, MessageHeaders.Set); // clean precision-pseudonym
        return producer.ProduceAsync(message, cancellationToken);
    }
}

/// <summary>The session service's consumer of party invitations.</summary>
public sealed class PartyInviteConsumer
{
    private static readonly ActivitySource Source = new("Arena.Sessions");

    public void Handle(InboundMessage message)
    {
        var propagated = Propagators.DefaultTextMapPropagator.Extract(default, message.Headers, MessageHeaders.Get);
        using var activity = Source.StartActivity("party.invite receive", ActivityKind.Consumer, propagated.ActivityContext);
        activity?.SetTag("party.id", propagated.Baggage.GetBaggage("party.id")); // clean direct
        activity?.SetTag("party.leader", propagated.Baggage.GetBaggage("party.leader")); // leak TC1001 cross-member
        activity?.SetTag("messaging.kafka.offset", message.Offset);
    }
}
