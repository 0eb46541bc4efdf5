using OpenTelemetry;

namespace PrivacyHoldout88.Transport;

public interface ICardDesk
{
    Task<IReadOnlyList<string>> RecentTapsAsync(string cardNumber, CancellationToken cancellationToken);

    Task BlockAsync(string cardNumber, string reason, CancellationToken cancellationToken);
}

/// <summary>Thrown when a card is unknown; the back office quotes the card number.</summary>
public sealed class CardNotFoundException(string cardNumber) : Exception($"Card {cardNumber} not found");

/// <summary>
/// The revenue team's bot: <c>/fares taps &lt;card&gt;</c>, <c>/fares block &lt;card&gt; &lt;reason…&gt;</c>,
/// <c>/fares oncall</c>. Customer service staff type them while a rider is on the phone.
/// </summary>
public sealed class FaresChatOpsBot(ICardDesk cards, IOnCallDirectory rota, Pseudonymizer pseudonymizer, AlertingOptions options, Meter meter, ILogger<FaresChatOpsBot> logger)
{
    private static readonly ActivitySource Source = new("Fares.ChatOps");
    private readonly Counter<long> _blocks = meter.CreateCounter<long>("railpage.cards.blocked", "{card}");

    public async Task<string> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var parsed = ParsedCommand.Parse(command.Text);
        using var activity = Source.StartActivity("fares chatops");
        activity?.SetTag("chatops.command", command.Command); // clean precision-names
        activity?.SetTag("chatops.text", command.Text); // leak TC1001 direct
        Baggage.SetBaggage("chatops.user", command.UserId); // leak TC1001 direct
        var card = parsed.Arg(0);
        var cardTail = card.Length >= 4 ? card[^4..] : card;

        try
        {
            switch (parsed.Verb)
            {
                case "taps":
                    var taps = await cards.RecentTapsAsync(card, cancellationToken);
                    logger.LogInformation("{Count} taps for card ending {Tail}", taps.Count, cardTail); // clean precision-about
                    logger.LogDebug("Taps {Taps}", taps); // clean logging-objects
                    return string.Join("\n", taps);

                case "block":
                    var reason = string.Join(' ', parsed.Args.Skip(1));
                    await cards.BlockAsync(card, reason, cancellationToken);
                    activity?.SetTag("card.rider", pseudonymizer.PseudonymizeRailpageRiderId(card).ToString()); // clean precision-pseudonym
                    logger.LogWarning("Card {Card} blocked: {Reason}", card, reason); // leak TC1001 direct
                    _blocks.Add(1, new KeyValuePair<string, object?>("reason", reason)); // leak TC1003 direct
                    return "blocked";

                case "oncall":
                    var shift = await rota.WhoIsOnCallAsync(options.OnCallScheduleId, 1, cancellationToken);
                    activity?.SetTag("oncall.schedule", shift?.ScheduleId); // clean precision-names
                    activity?.AddEvent(new ActivityEvent("oncall.answered", tags: new() { ["responder"] = shift?.Responder.ChatMemberId })); // leak TC1001 direct
                    return Mention.User(shift?.Responder.ChatMemberId ?? "");

                default:
                    throw new UnknownCommandException(parsed.Verb);
            }
        }
        catch (CardNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return "unknown card";
        }
        catch (UnknownCommandException ex)
        {
            logger.LogInformation("Unknown verb of {Length} characters ({Type})", ex.Verb.Length, ex.GetType().Name); // clean precision-about
            return "usage: /fares taps|block|oncall";
        }
    }
}
